/* dossier-team.h — a library shared with a team, as library calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team's database is a stock PostgreSQL: setting it up and managing
 * its members are calls on the server alone; sharing a library, syncing
 * it and resolving conflicts are library calls, run on the store's
 * thread (sync talks to the server from there and blocks that thread
 * while it runs).  Sync and resolving emit the library's ::changed.
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

/* --- the server (blocking: command line and worker threads) --- */

/* Creates the team's tables, roles and rules in the database @url (an
 * empty one), or upgrades them; @n_applied: migrations run. */
gboolean         dossier_team_init_server_sync    (const char            *url,
                                                   guint                 *n_applied,
                                                   GError               **error);
/* @role: "editor", "reader" (or "owner"); @password may be NULL (the
 * server's own authentication, such as a local socket's peer check). */
gboolean         dossier_team_add_member_sync     (const char            *url,
                                                   const char            *name,
                                                   const char            *role,
                                                   const char            *password,
                                                   GError               **error);
gboolean         dossier_team_remove_member_sync  (const char            *url,
                                                   const char            *name,
                                                   GError               **error);

/* --- the library --- */

/* The id of the article with the identity @uuid (the same in every
 * member's library: dossier://article/UUID), or 0 with @error set. */
gint64           dossier_team_find_article_sync   (DossierLibrary        *library,
                                                   const char            *uuid,
                                                   GError               **error);
void             dossier_team_find_article_async  (DossierLibrary        *library,
                                                   const char            *uuid,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gint64           dossier_team_find_article_finish (DossierLibrary        *library,
                                                   GAsyncResult          *result,
                                                   GError               **error);

/* Links @library to the team database @url as @user (NULL: libpq's
 * default), after checking the server takes the member. */
gboolean         dossier_team_share_sync          (DossierLibrary        *library,
                                                   const char            *url,
                                                   const char            *user,
                                                   const char            *password,
                                                   GError               **error);
/* A note by its id (the command line's edit-annotation), or NULL with
 * @error set. */
DossierAnnotation *dossier_team_get_annotation_sync (DossierLibrary      *library,
                                                     gint64               id,
                                                     GError             **error);
DossierTeamLink *dossier_team_get_link_sync       (DossierLibrary        *library,
                                                   GError               **error);
/* @password NULL: libpq's own (~/.pgpass, PGPASSWORD) */
gboolean         dossier_team_sync_sync           (DossierLibrary        *library,
                                                   const char            *password,
                                                   DossierTeamSyncStats  *stats,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
void             dossier_team_sync_async          (DossierLibrary        *library,
                                                   const char            *password,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
/* As dossier_team_sync_async(), and @progress hears how far the sync is
 * on the caller's thread-default main context (the latest count only;
 * a sync that ends well tells done == total last).
 * @progress_destroy frees @progress_data once nothing more is told. */
void             dossier_team_sync_with_progress_async (DossierLibrary          *library,
                                                        const char              *password,
                                                        DossierTeamProgressFunc  progress,
                                                        gpointer                 progress_data,
                                                        GDestroyNotify           progress_destroy,
                                                        GCancellable            *cancellable,
                                                        GAsyncReadyCallback      callback,
                                                        gpointer                 user_data);
gboolean         dossier_team_sync_finish         (DossierLibrary        *library,
                                                   GAsyncResult          *result,
                                                   DossierTeamSyncStats  *stats,
                                                   GError               **error);
/* (element-type DossierTeamConflict) */
GPtrArray       *dossier_team_list_conflicts_sync (DossierLibrary        *library,
                                                   GError               **error);
gboolean         dossier_team_resolve_sync        (DossierLibrary        *library,
                                                   gint64                 id,
                                                   const char            *keep,
                                                   GError               **error);

G_END_DECLS
