/* dossier-search-provider.c — search from GNOME Shell's overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * org.gnome.Shell.SearchProvider2 on the application's bus connection
 * (data/org.dossierapp.Dossier.search-provider.ini names the object).
 * Terms typed in the overview are one search of the default library,
 * with the same grammar and stemming as the article list; a result is an
 * article id, shown with its title, source and date; activating it opens
 * the article (dossier://article/N) in the window.
 */
#define G_LOG_DOMAIN "dossier-search-provider"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-search-provider.h"
#include "dossier-library.h"

#define MAX_RESULTS 20

struct _DossierSearchProvider
{
  GObject         parent_instance;

  GApplication   *app;           /* not owned */
  GDBusConnection *connection;
  guint           registration;
  DossierLibrary *library;
  /* the articles of the latest results, by id, for their metas */
  GHashTable     *articles;
};

G_DEFINE_FINAL_TYPE (DossierSearchProvider, dossier_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* The library, opened on first use; NULL (and the call answered with an
 * error) when it cannot be opened */
static DossierLibrary *
ensure_library (DossierSearchProvider *self,
                GError               **error)
{
  g_autofree char *path = NULL;
  g_autoptr(DossierLibrary) library = NULL;

  if (self->library != NULL)
    return self->library;
  path = dossier_library_default_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no library at %s yet"), path);
      return NULL;
    }
  library = dossier_library_new (path);
  if (!dossier_library_open_sync (library, FALSE, error))
    return NULL;
  self->library = g_steal_pointer (&library);
  return self->library;
}

/* The overview's terms as a query: every word in any of its forms, and
 * the last, which may be half typed, also as a prefix ("putin lavr" is
 * putin AND (lavr OR lavr*)) */
static char *
terms_to_text (GVariant *terms)
{
  g_autofree const char **strv = g_variant_get_strv (terms, NULL);
  GString *text = g_string_new (NULL);
  guint n = g_strv_length ((char **) strv);

  for (guint i = 0; i < n; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, strv[i]);
      if (i + 1 == n && g_utf8_strlen (strv[i], -1) > 1 && strchr (strv[i], '"') == NULL &&
          strchr (strv[i], ':') == NULL && strv[i][0] != '-')
        g_string_append_printf (text, " OR %s*", strv[i]);
    }
  return g_string_free (text, FALSE);
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GDBusMethodInvocation *invocation = user_data;
  DossierSearchProvider *self = g_object_get_data (G_OBJECT (invocation), "dossier-provider");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dossier_library_search_finish (DOSSIER_LIBRARY (source), result, &error);
  GVariantBuilder ids;

  if (hits == NULL)
    {
      g_dbus_method_invocation_return_gerror (invocation, error);
      return;
    }
  g_variant_builder_init (&ids, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < hits->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (hits, i);
      char *id = g_strdup_printf ("%" G_GINT64_FORMAT, dossier_article_get_id (article));

      g_variant_builder_add (&ids, "s", id);
      g_hash_table_replace (self->articles, id, g_object_ref (article));
    }
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", &ids));
}

static void
search (DossierSearchProvider *self,
        GVariant              *terms,
        GDBusMethodInvocation *invocation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = terms_to_text (terms);
  g_autoptr(DossierQuery) query = NULL;
  DossierLibrary *library = ensure_library (self, &error);

  if (library == NULL)
    {
      g_dbus_method_invocation_return_gerror (invocation, error);
      return;
    }
  query = dossier_query_parse (text, FALSE);
  if (query->fts == NULL)
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", NULL));
      return;
    }
  query->sort = DOSSIER_SORT_RELEVANCE;
  query->sort_set = TRUE;
  g_object_set_data_full (G_OBJECT (invocation), "dossier-provider", g_object_ref (self), g_object_unref);
  dossier_library_search_async (library, query, MAX_RESULTS, NULL, on_search_done_cb, invocation);
}

static GVariant *
article_meta (DossierArticle *article,
              const char     *id)
{
  GVariantBuilder meta;
  const char *source = dossier_article_get_source (article);
  const DossierDate *published = dossier_article_get_published (article);
  g_autofree char *date = published ? dossier_date_to_string (published) : NULL;
  g_autofree char *description = NULL;

  if (source != NULL && *source != '\0' && date != NULL && *date != '\0')
    description = g_strdup_printf ("%s · %s", source, date);
  else if (source != NULL && *source != '\0')
    description = g_strdup (source);
  else
    description = g_strdup (date ? date : "");

  g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (dossier_article_get_title (article)));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "gicon", g_variant_new_string (APPLICATION_ID));
  return g_variant_builder_end (&meta);
}

static void
get_metas (DossierSearchProvider *self,
           GVariant              *ids,
           GDBusMethodInvocation *invocation)
{
  g_autofree const char **strv = g_variant_get_strv (ids, NULL);
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; strv[i] != NULL; i++)
    {
      DossierArticle *article = g_hash_table_lookup (self->articles, strv[i]);
      g_autoptr(DossierArticle) loaded = NULL;

      if (article == NULL && self->library != NULL)
        {
          gint64 id = g_ascii_strtoll (strv[i], NULL, 10);

          article = loaded = dossier_library_get_article_sync (self->library, id, NULL);
        }
      if (article != NULL && dossier_article_get_title (article) != NULL)
        g_variant_builder_add_value (&metas, article_meta (article, strv[i]));
    }
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
}

static void
activate (DossierSearchProvider *self,
          const char            *id)
{
  g_autofree char *uri = g_strdup_printf ("dossier://article/%s", id);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  GFile *files[] = { file };

  g_application_open (self->app, files, 1, "");
}

static void
on_method_call_cb (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *object_path,
                   const char            *interface_name,
                   const char            *method_name,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  DossierSearchProvider *self = user_data;

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      search (self, terms, invocation);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);
      search (self, terms, invocation);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) ids = g_variant_get_child_value (parameters, 0);
      get_metas (self, ids, invocation);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id = NULL;

      g_variant_get_child (parameters, 0, "&s", &id);
      activate (self, id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_application_activate (self->app);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static void
dossier_search_provider_dispose (GObject *object)
{
  DossierSearchProvider *self = DOSSIER_SEARCH_PROVIDER (object);

  dossier_search_provider_unregister (self);
  if (self->library != NULL)
    dossier_library_close (self->library);
  g_clear_object (&self->library);
  g_clear_pointer (&self->articles, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_search_provider_parent_class)->dispose (object);
}

static void
dossier_search_provider_class_init (DossierSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_search_provider_dispose;
}

static void
dossier_search_provider_init (DossierSearchProvider *self)
{
  self->articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

DossierSearchProvider *
dossier_search_provider_new (GApplication *app)
{
  DossierSearchProvider *self = g_object_new (DOSSIER_TYPE_SEARCH_PROVIDER, NULL);

  self->app = app;
  return self;
}

gboolean
dossier_search_provider_register (DossierSearchProvider  *self,
                                  GDBusConnection        *connection,
                                  const char             *object_path,
                                  GError                **error)
{
  static const GDBusInterfaceVTable vtable = { on_method_call_cb, NULL, NULL, { 0 } };
  static GDBusNodeInfo *info;

  g_return_val_if_fail (DOSSIER_IS_SEARCH_PROVIDER (self), FALSE);

  if (info == NULL)
    info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  self->registration = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                          &vtable, self, NULL, error);
  if (self->registration == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
dossier_search_provider_unregister (DossierSearchProvider *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PROVIDER (self));

  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
}
