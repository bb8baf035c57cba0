/* dossier-team-account.h — joining and leaving a team from the window:
 * checking a server, sharing, leaving, and the member's password in the
 * desktop's secret store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-team.h"

G_BEGIN_DECLS

/* Tries @url as @user with @password on a worker thread and, when that
 * fails, finds out why (dossier_team_server_check()). */
void             dossier_team_check_async         (const char            *url,
                                                   const char            *user,
                                                   const char            *password,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
/* @role: the member's role when the check is OK (may be NULL) */
DossierTeamCheck dossier_team_check_finish        (GAsyncResult          *result,
                                                   char                 **role,
                                                   GError               **error);

/* dossier_team_share_sync() on the store's thread; finishes with the
 * member's name (the server's login role) */
void             dossier_team_share_async         (DossierLibrary        *library,
                                                   const char            *url,
                                                   const char            *user,
                                                   const char            *password,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
char            *dossier_team_share_finish        (DossierLibrary        *library,
                                                   GAsyncResult          *result,
                                                   GError               **error);

/* Unlinks @library from its team; everything in it stays. */
gboolean         dossier_team_leave_sync          (DossierLibrary        *library,
                                                   GError               **error);
void             dossier_team_leave_async         (DossierLibrary        *library,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gboolean         dossier_team_leave_finish        (DossierLibrary        *library,
                                                   GAsyncResult          *result,
                                                   GError               **error);

/* The link of @library, or NULL (DOSSIER_TEAM_ERROR_NOT_SHARED) */
void             dossier_team_get_link_async      (DossierLibrary        *library,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
DossierTeamLink *dossier_team_get_link_finish     (DossierLibrary        *library,
                                                   GAsyncResult          *result,
                                                   GError               **error);

/* The members who wrote notes in @library, by name (a GStrv) */
void             dossier_team_list_authors_async  (DossierLibrary        *library,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
char           **dossier_team_list_authors_finish (DossierLibrary        *library,
                                                   GAsyncResult          *result,
                                                   GError               **error);

/* (element-type DossierTeamConflict) */
void             dossier_team_list_conflicts_async  (DossierLibrary      *library,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray       *dossier_team_list_conflicts_finish (DossierLibrary      *library,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void             dossier_team_resolve_async       (DossierLibrary        *library,
                                                   gint64                 id,
                                                   const char            *keep,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gboolean         dossier_team_resolve_finish      (DossierLibrary        *library,
                                                   GAsyncResult          *result,
                                                   GError               **error);

/* --- the password, in the desktop's secret store (libsecret) --- */

/* Keeps @password for @member on @server (replacing one kept before). */
void             dossier_team_password_store_async  (const char          *server,
                                                     const char          *member,
                                                     const char          *password,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         dossier_team_password_store_finish (GAsyncResult        *result,
                                                     GError             **error);
/* The password kept, or NULL (with @error unset when none is kept);
 * free it with dossier_team_password_free(). */
void             dossier_team_password_lookup_async  (const char          *server,
                                                      const char          *member,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
char            *dossier_team_password_lookup_finish (GAsyncResult        *result,
                                                      GError             **error);
/* Forgets the password kept for @member on @server. */
void             dossier_team_password_clear_async   (const char          *server,
                                                      const char          *member,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         dossier_team_password_clear_finish  (GAsyncResult        *result,
                                                      GError             **error);
/* wipes and frees a password */
void             dossier_team_password_free          (char                *password);

G_END_DECLS
