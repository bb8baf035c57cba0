/* dossier-application.c — the AdwApplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One instance: a second `dossier FILE…` hands its files to the first,
 * which imports them into the library it has open.
 */
#define G_LOG_DOMAIN "dossier-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-demo.h"
#include "dossier-people.h"
#include "dossier-search-provider.h"

struct _DossierApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  DossierSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

static void open_library (DossierApplication *self, const char *path, gboolean create,
                          char **import_paths, char **uris);

typedef struct
{
  DossierApplication *app;
  DossierLibrary     *library;
  char              **import_paths;
  char              **uris;
  gboolean            fresh;
  GtkWindow          *waiting;     /* shown while opening takes long (weak) */
  guint               waiting_id;
} OpenRequest;

/* An open that lasts longer than this (a large library brought up to date
 * by a new version, the demo articles added) shows a window saying so;
 * a quick one shows nothing before the library's own window. */
#define WAITING_AFTER_MS 500

static gboolean
show_waiting_cb (gpointer data)
{
  OpenRequest *req = data;
  g_autofree char *name = g_filename_display_basename (dossier_library_get_path (req->library));
  g_autofree char *description = NULL;
  GtkWidget *box, *header, *status, *spinner;

  req->waiting_id = 0;
  req->waiting = GTK_WINDOW (adw_window_new ());
  gtk_window_set_application (req->waiting, GTK_APPLICATION (req->app));
  gtk_window_set_title (req->waiting, _("Opening the Library"));
  gtk_window_set_default_size (req->waiting, 460, 380);
  gtk_window_set_resizable (req->waiting, FALSE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Dossier"), NULL));
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (box), header);
  /* TRANSLATORS: the name of the library's file */
  description = g_strdup_printf (_("“%s” is being opened. A library made by an earlier version of Dossier "
                                   "is brought up to date once; a large one can take a minute."), name);
  status = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Opening the Library…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_vexpand (status, TRUE);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), spinner);
  gtk_box_append (GTK_BOX (box), status);
  adw_window_set_content (ADW_WINDOW (req->waiting), box);
  /* closed by the user meanwhile: gone, and forgotten */
  g_object_add_weak_pointer (G_OBJECT (req->waiting), (gpointer *) &req->waiting);
  gtk_window_present (req->waiting);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting (OpenRequest *req)
{
  g_clear_handle_id (&req->waiting_id, g_source_remove);
  if (req->waiting != NULL)
    {
      GtkWindow *waiting = req->waiting;

      g_object_remove_weak_pointer (G_OBJECT (waiting), (gpointer *) &req->waiting);
      req->waiting = NULL;
      gtk_window_destroy (waiting);
    }
}

static void
open_request_free (OpenRequest *req)
{
  stop_waiting (req);
  g_clear_object (&req->app);
  g_clear_object (&req->library);
  g_strfreev (req->import_paths);
  g_strfreev (req->uris);
  g_free (req);
}

static DossierWindow *
find_window (DossierApplication *self,
             const char         *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (DOSSIER_IS_WINDOW (l->data))
      {
        DossierLibrary *library = dossier_window_get_library (l->data);

        if (path == NULL || g_strcmp0 (dossier_library_get_path (library), path) == 0)
          return l->data;
      }
  return NULL;
}

static gboolean
is_web_link (const char *arg)
{
  return g_ascii_strncasecmp (arg, "http://", 7) == 0 || g_ascii_strncasecmp (arg, "https://", 8) == 0;
}

static void
deliver (DossierWindow  *window,
         char          **import_paths,
         char          **uris)
{
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  g_auto(GStrv) web = NULL;

  gtk_window_present (GTK_WINDOW (window));
  if (import_paths != NULL && import_paths[0] != NULL)
    dossier_window_import (window, (const char * const *) import_paths);
  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      if (is_web_link (uris[i]))
        g_strv_builder_add (links, uris[i]);
      else
        dossier_window_open_uri (window, uris[i]);
    }
  /* links given on the command line: `dossier https://…` */
  web = g_strv_builder_end (links);
  if (web[0] != NULL)
    dossier_window_add_links (window, (const char * const *) web);
}

static void
demo_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DossierLibrary *library = task_data;
  g_autoptr(GBytes) json = NULL;
  GError *error = NULL;

  json = g_resources_lookup_data (RESOURCE_BASE "/demo/demo-corpus.json", 0, &error);
  if (json == NULL || !dossier_demo_fill (library, json, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_window (OpenRequest *req)
{
  DossierWindow *window = dossier_window_new (req->app, req->library);

  /* a shared library's window keeps it in step with the team itself */
  deliver (window, req->import_paths, req->uris);
}

static void
on_demo_filled_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OpenRequest *req = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not add the demo articles: %s", error->message);
  show_window (req);
  stop_waiting (req);
  /* quotes of articles that wait for them (all of them after an upgrade) */
  dossier_people_catch_up (req->library);
  g_application_release (G_APPLICATION (req->app));
  open_request_free (req);
}

static void
on_error_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data);

static void
show_open_error (OpenRequest  *req,
                 const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Could Not Open the Library"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", _("_Quit"),
                                    "create", _("_Create New Library…"),
                                    "open", _("_Open Another…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (req->app));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response_cb), req);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_library_chosen_cb (GtkNativeDialog *chooser,
                      int              response,
                      gpointer         user_data)
{
  OpenRequest *req = user_data;
  gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      open_library (req->app, path, create, req->import_paths, req->uris);
    }
  g_application_release (G_APPLICATION (req->app));
  g_object_unref (chooser);
  open_request_free (req);
}

static void
on_error_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  OpenRequest *req = user_data;
  GtkFileChooserNative *chooser;
  gboolean create = g_strcmp0 (response, "create") == 0;

  if (g_strcmp0 (response, "quit") == 0 || response == NULL)
    {
      g_application_release (G_APPLICATION (req->app));
      open_request_free (req);
      return;
    }
  chooser = gtk_file_chooser_native_new (create ? _("Create a Library") : _("Open a Library"),
                                         NULL,
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"), _("_Cancel"));
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "library.db");
  g_signal_connect (chooser, "response", G_CALLBACK (on_library_chosen_cb), req);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_library_opened_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  OpenRequest *req = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_library_open_finish (req->library, result, &error))
    {
      stop_waiting (req);
      show_open_error (req, error);
      return;
    }

  if (req->fresh)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, on_demo_filled_cb, req);

      g_task_set_task_data (task, g_object_ref (req->library), g_object_unref);
      g_task_run_in_thread (task, demo_thread);
      return;
    }
  show_window (req);
  stop_waiting (req);
  /* quotes of articles that wait for them (all of them after an upgrade) */
  dossier_people_catch_up (req->library);
  g_application_release (G_APPLICATION (req->app));
  open_request_free (req);
}

static void
open_library (DossierApplication  *self,
              const char          *path,
              gboolean             create,
              char               **import_paths,
              char               **uris)
{
  g_autofree char *default_path = dossier_library_default_path ();
  DossierWindow *window;
  OpenRequest *req;

  if (path == NULL)
    path = default_path;
  if ((window = find_window (self, path)) != NULL)
    {
      deliver (window, import_paths, uris);
      return;
    }

  req = g_new0 (OpenRequest, 1);
  req->app = g_object_ref (self);
  req->library = dossier_library_new (path);
  req->import_paths = g_strdupv (import_paths);
  req->uris = g_strdupv (uris);
  /* the demo articles go into a default library made right now, only */
  req->fresh = g_strcmp0 (path, default_path) == 0 && !g_file_test (path, G_FILE_TEST_EXISTS) &&
               g_getenv ("DOSSIER_NO_DEMO") == NULL;
  g_application_hold (G_APPLICATION (self));
  req->waiting_id = g_timeout_add (WAITING_AFTER_MS, show_waiting_cb, req);
  dossier_library_open_async (req->library, create || req->fresh || g_strcmp0 (path, default_path) == 0,
                              NULL, on_library_opened_cb, req);
}

static int
dossier_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *cmdline)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *library = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  g_auto(GStrv) import_paths = NULL;
  g_auto(GStrv) uri_list = NULL;

  if (g_variant_dict_lookup (options, "library", "^ay", &library))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, library);

      g_free (library);
      library = g_file_get_path (file);
    }
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &rest);

  for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
    {
      if (g_str_has_prefix (rest[i], "dossier:") || is_web_link (rest[i]))
        g_strv_builder_add (uris, rest[i]);
      else
        {
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, rest[i]);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (paths, path);
        }
    }
  import_paths = g_strv_builder_end (paths);
  uri_list = g_strv_builder_end (uris);
  open_library (self, library, library != NULL, import_paths, uri_list);
  return 0;
}

static void
dossier_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  g_auto(GStrv) p = NULL;
  g_auto(GStrv) u = NULL;

  for (int i = 0; i < n_files; i++)
    {
      if (g_file_has_uri_scheme (files[i], "dossier") || g_file_has_uri_scheme (files[i], "http") ||
          g_file_has_uri_scheme (files[i], "https"))
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_strv_builder_add (uris, uri);
        }
      else if (g_file_get_path (files[i]) != NULL)
        {
          g_autofree char *pth = g_file_get_path (files[i]);
          g_strv_builder_add (paths, pth);
        }
    }
  p = g_strv_builder_end (paths);
  u = g_strv_builder_end (uris);
  open_library (DOSSIER_APPLICATION (app), NULL, FALSE, p, u);
}

static void
dossier_application_activate (GApplication *app)
{
  open_library (DOSSIER_APPLICATION (app), NULL, FALSE, NULL, NULL);
}

static void
apply_color_scheme (DossierApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK
  };
  int value = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (value, 0, 2)]);
}

static void
on_color_scheme_changed_cb (GSettings          *settings,
                            const char         *key,
                            DossierApplication *self)
{
  apply_color_scheme (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The Dossier developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Dossier"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Dossier developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Collect news articles on one subject, read them closely, "
                                       "annotate, search and see them on a timeline."),
                         "website", "https://dossierapp.org",
                         "issue-url", "https://dossierapp.org/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Dossier developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
dossier_application_startup (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  self->settings = g_settings_new (APPLICATION_ID_SCHEMA);
  g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (on_color_scheme_changed_cb), self);
  apply_color_scheme (self);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static gboolean
dossier_application_dbus_register (GApplication     *app,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (dossier_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;
  if (self->search_provider == NULL)
    self->search_provider = dossier_search_provider_new (app);
  return dossier_search_provider_register (self->search_provider, connection, path, error);
}

static void
dossier_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  if (self->search_provider != NULL)
    dossier_search_provider_unregister (self->search_provider);
  G_APPLICATION_CLASS (dossier_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
dossier_application_dispose (GObject *object)
{
  DossierApplication *self = DOSSIER_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (dossier_application_parent_class)->dispose (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = dossier_application_dispose;
  app_class->startup = dossier_application_startup;
  app_class->activate = dossier_application_activate;
  app_class->open = dossier_application_open;
  app_class->command_line = dossier_application_command_line;
  app_class->dbus_register = dossier_application_dbus_register;
  app_class->dbus_unregister = dossier_application_dbus_unregister;
}

static void
dossier_application_init (DossierApplication *self)
{
  static const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this library file instead of the default one"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…] — import files or folders"));
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
dossier_application_get_settings (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->settings;
}
