/* dossier-test-postgres.h — a PostgreSQL server of a test's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * initdb and pg_ctl from Debian's postgresql package (not on PATH), run
 * as the postgres user when the test runs as root, in a temporary folder
 * that user owns, listening on a Unix socket in that folder only, with
 * passwords (SCRAM).  Every wait is bounded.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *dir;        /* the socket is here, the cluster in dir/data */
  char *bin;        /* the server's programs */
  char *password;   /* of the superuser "postgres" */
  char *options;    /* the server's settings besides the socket's */
  guint port;       /* on 127.0.0.1, with TLS; 0 for the socket only */
} DossierTestPostgres;

/* NULL, with @why set, when there is no server to start. */
DossierTestPostgres *dossier_test_postgres_start  (char                **why);
/* The same, listening on 127.0.0.1 too (pg->port) with TLS on, its
 * certificate self-signed for localhost and 127.0.0.1 by openssl in the
 * server's folder: dir/server.crt. */
DossierTestPostgres *dossier_test_postgres_start_tls (char           **why);
gboolean             dossier_test_postgres_stop   (DossierTestPostgres  *pg);
gboolean             dossier_test_postgres_resume (DossierTestPostgres  *pg);
void                 dossier_test_postgres_free   (DossierTestPostgres  *pg);
/* A new empty database; returns its address for members (no user) */
char                *dossier_test_postgres_new_db (DossierTestPostgres  *pg,
                                                   const char           *name);
/* The address of database @name as the superuser */
char                *dossier_test_postgres_admin_url (DossierTestPostgres *pg,
                                                      const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTestPostgres, dossier_test_postgres_free)

G_END_DECLS
