/* dossier-share-dialog.c — Share Library…: a team server, tested, and the
 * member's password kept in the desktop's secret store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Test Connection tries the server on a worker thread and says in words
 * what went wrong.  Share tests again, links the library, keeps the
 * password in the keyring (never in settings or the library), then emits
 * ::shared and closes.
 */
#define G_LOG_DOMAIN "dossier-share-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-share-dialog.h"
#include "dossier-team-account.h"

struct _DossierShareDialog
{
  AdwWindow       parent_instance;

  DossierLibrary *library;
  GCancellable   *cancellable;
  char           *status;
  gboolean        busy;
  char           *url;       /* of the sharing under way */
  char           *member;

  /* Template widgets */
  AdwEntryRow    *server_row;
  AdwEntryRow    *database_row;
  AdwEntryRow    *user_row;
  AdwEntryRow    *password_row;
  GtkWidget      *share_button;
  GtkWidget      *test_button;
  GtkWidget      *spinner;
  GtkWidget      *status_icon;
  GtkWidget      *status_label;
};

G_DEFINE_FINAL_TYPE (DossierShareDialog, dossier_share_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_STATUS, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SHARED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
field (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
update_buttons (DossierShareDialog *self)
{
  g_autofree char *url = dossier_share_dialog_get_url (self);

  gtk_widget_set_sensitive (self->test_button, url != NULL && !self->busy);
  gtk_widget_set_sensitive (self->share_button, url != NULL && !self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->busy);
  gtk_widget_set_visible (self->spinner, self->busy);
}

static void
set_busy (DossierShareDialog *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* @ok: TRUE a success, FALSE a failure, -1 neither (under way) */
static void
set_status (DossierShareDialog *self,
            int                 ok,
            const char         *status)
{
  g_free (self->status);
  self->status = g_strdup (status);
  gtk_label_set_text (GTK_LABEL (self->status_label), status);
  gtk_widget_set_visible (self->status_icon, ok >= 0);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon),
                                ok > 0 ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (self->status_icon, ok > 0 ? "error" : "success");
  gtk_widget_add_css_class (self->status_icon, ok > 0 ? "success" : "error");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* what a check found, in words */
static char *
explain (DossierShareDialog *self,
         DossierTeamCheck    check,
         const char         *role,
         const GError       *error)
{
  const char *user = field (self->user_row);
  const char *database = field (self->database_row);

  switch (check)
    {
    case DOSSIER_TEAM_CHECK_OK:
      if (g_strcmp0 (role, "reader") == 0)
        return g_strdup (_("Connected. You are a reader of this team: you see its changes but cannot make any."));
      return g_strdup (_("Connected. You are a member of this team."));
    case DOSSIER_TEAM_CHECK_WRONG_PASSWORD:
      return g_strdup (_("The server did not accept this user name and password. Check both and try again."));
    case DOSSIER_TEAM_CHECK_NO_DATABASE:
      return g_strdup_printf (_("The server has no database named “%s”. Check its name with the team’s owner."),
                              database);
    case DOSSIER_TEAM_CHECK_NOT_MEMBER:
      return g_strdup_printf (_("“%s” may log in to the server but is not a member of this team. Ask the team’s owner to add you."),
                              *user != '\0' ? user : g_get_user_name ());
    case DOSSIER_TEAM_CHECK_UNTRUSTED:
      return g_strdup (_("The server’s security certificate is not trusted, so nothing was sent to it. Ask its administrator for a certificate this computer trusts."));
    case DOSSIER_TEAM_CHECK_UNREACHABLE:
      return g_strdup (_("Could not reach the server. Check its name and your network connection."));
    case DOSSIER_TEAM_CHECK_FAILED:
    default:
      return g_strdup (error != NULL ? error->message : _("Could not connect to the server."));
    }
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DossierShareDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *words = NULL;
  DossierTeamCheck check = dossier_team_check_finish (result, &role, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("connection test: %s", error->message);
  words = explain (self, check, role, error);
  set_status (self, check == DOSSIER_TEAM_CHECK_OK, words);
  set_busy (self, FALSE);
}

static void
on_password_stored_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DossierShareDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_team_password_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* shared all the same: the next start asks libpq's own sources */
      g_warning ("Could not keep the team password in the keyring: %s", error->message);
    }
  set_busy (self, FALSE);
  g_signal_emit (self, signals[SHARED], 0, self->url, self->member);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_shared_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DossierShareDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *member = dossier_team_share_finish (DOSSIER_LIBRARY (source), result, &error);
  const char *password = field (self->password_row);

  if (member == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_status (self, FALSE, error->message);
      set_busy (self, FALSE);
      return;
    }
  g_free (self->member);
  self->member = g_steal_pointer (&member);
  set_status (self, TRUE, _("Shared. The library now syncs with the team."));
  if (*password == '\0')
    {
      set_busy (self, FALSE);
      g_signal_emit (self, signals[SHARED], 0, self->url, self->member);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  dossier_team_password_store_async (self->url, self->member, password, self->cancellable,
                                     on_password_stored_cb, g_object_ref (self));
}

static void
on_checked_for_share_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DossierShareDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  DossierTeamCheck check = dossier_team_check_finish (result, &role, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (check != DOSSIER_TEAM_CHECK_OK)
    {
      g_autofree char *words = explain (self, check, role, error);

      set_status (self, FALSE, words);
      set_busy (self, FALSE);
      return;
    }
  set_status (self, -1, _("Sending the library to the team…"));
  dossier_team_share_async (self->library, self->url, field (self->user_row), field (self->password_row),
                            self->cancellable, on_shared_cb, g_object_ref (self));
}

static void
start_check (DossierShareDialog  *self,
             GAsyncReadyCallback  callback)
{
  g_autofree char *url = dossier_share_dialog_get_url (self);

  if (url == NULL || self->busy)
    return;
  g_free (self->url);
  self->url = g_steal_pointer (&url);
  set_busy (self, TRUE);
  set_status (self, -1, _("Connecting…"));
  dossier_team_check_async (self->url, field (self->user_row), field (self->password_row),
                            self->cancellable, callback, g_object_ref (self));
}

static void
on_test_clicked_cb (DossierShareDialog *self)
{
  dossier_share_dialog_test (self);
}

static void
on_share_clicked_cb (DossierShareDialog *self)
{
  dossier_share_dialog_share (self);
}

static void
on_field_changed_cb (DossierShareDialog *self)
{
  update_buttons (self);
}

static void
dossier_share_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierShareDialog *self = DOSSIER_SHARE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, dossier_share_dialog_get_status (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_share_dialog_dispose (GObject *object)
{
  DossierShareDialog *self = DOSSIER_SHARE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->library);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SHARE_DIALOG);
  G_OBJECT_CLASS (dossier_share_dialog_parent_class)->dispose (object);
}

static void
dossier_share_dialog_finalize (GObject *object)
{
  DossierShareDialog *self = DOSSIER_SHARE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->status);
  g_free (self->url);
  g_free (self->member);
  G_OBJECT_CLASS (dossier_share_dialog_parent_class)->finalize (object);
}

static void
dossier_share_dialog_class_init (DossierShareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_share_dialog_get_property;
  object_class->dispose = dossier_share_dialog_dispose;
  object_class->finalize = dossier_share_dialog_finalize;

  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, "",
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierShareDialog::shared:
   * @url: the team's address
   * @member: the member's name
   *
   * The library is linked to the team and the password kept.
   */
  signals[SHARED] = g_signal_new ("shared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossierapp/Dossier/ui/dossier-share-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, share_button);
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, DossierShareDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_share_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_share_dialog_init (DossierShareDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->status = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->spinner, FALSE);
}

GtkWidget *
dossier_share_dialog_new (GtkWindow      *parent,
                          DossierLibrary *library)
{
  DossierShareDialog *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  self = g_object_new (DOSSIER_TYPE_SHARE_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  return GTK_WIDGET (self);
}

void
dossier_share_dialog_fill (DossierShareDialog *self,
                           const char         *server,
                           const char         *database,
                           const char         *user,
                           const char         *password)
{
  g_return_if_fail (DOSSIER_IS_SHARE_DIALOG (self));
  if (server != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  if (database != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
  if (user != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  if (password != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
}

char *
dossier_share_dialog_make_url (const char *server,
                               const char *database)
{
  g_autofree char *host = g_strstrip (g_strdup (server ? server : ""));
  g_autofree char *db = g_strstrip (g_strdup (database ? database : ""));
  g_autofree char *db_escaped = NULL;

  if (g_str_has_prefix (host, "postgresql://") || g_str_has_prefix (host, "postgres://"))
    return g_steal_pointer (&host);
  if (*host == '\0' || *db == '\0')
    return NULL;
  db_escaped = g_uri_escape_string (db, NULL, FALSE);
  if (*host == '/')
    {
      g_autofree char *folder = g_uri_escape_string (host, NULL, FALSE);

      return g_strdup_printf ("postgresql:///%s?host=%s", db_escaped, folder);
    }
  /* a host name, an IPv4 address or [an IPv6 one], each with :port or not */
  for (const char *p = host; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr (".-_:[]", *p) == NULL)
      return NULL;
  return g_strdup_printf ("postgresql://%s/%s", host, db_escaped);
}

char *
dossier_share_dialog_get_url (DossierShareDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE_DIALOG (self), NULL);
  return dossier_share_dialog_make_url (field (self->server_row), field (self->database_row));
}

void
dossier_share_dialog_test (DossierShareDialog *self)
{
  g_return_if_fail (DOSSIER_IS_SHARE_DIALOG (self));
  start_check (self, on_checked_cb);
}

void
dossier_share_dialog_share (DossierShareDialog *self)
{
  g_return_if_fail (DOSSIER_IS_SHARE_DIALOG (self));
  start_check (self, on_checked_for_share_cb);
}

const char *
dossier_share_dialog_get_status (DossierShareDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE_DIALOG (self), "");
  return self->status;
}

gboolean
dossier_share_dialog_get_busy (DossierShareDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE_DIALOG (self), FALSE);
  return self->busy;
}
