/* dossier-store-uuid.c — dossier_row_uuid(): the name-based UUID a row
 * derived from others gets, the same in every library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-store-private.h"

/* the namespace of dossier_row_uuid() */
static const guint8 row_uuid_namespace[16] = {
  0x6b, 0x1f, 0x3e, 0x52, 0x9d, 0x07, 0x4c, 0x8a, 0xb4, 0x35, 0x0e, 0x61, 0xd2, 0x7a, 0x93, 0xc8,
};

char *
_dossier_store_row_uuid (const char *a,
                         const char *b)
{
  g_autoptr(GChecksum) sum = NULL;
  g_autofree char *folded = NULL;
  guint8 digest[20];
  gsize len = sizeof digest;

  if (a == NULL || b == NULL || !g_utf8_validate (b, -1, NULL))
    return NULL;
  folded = g_utf8_casefold (b, -1);
  sum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (sum, row_uuid_namespace, sizeof row_uuid_namespace);
  g_checksum_update (sum, (const guchar *) a, strlen (a));
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
  g_checksum_update (sum, (const guchar *) folded, strlen (folded));
  g_checksum_get_digest (sum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static void
row_uuid_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  char *uuid = _dossier_store_row_uuid ((const char *) sqlite3_value_text (argv[0]),
                                        (const char *) sqlite3_value_text (argv[1]));

  if (uuid == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, uuid, -1, g_free);
}

gboolean
dossier_store_register_row_uuid (struct sqlite3 *db)
{
  return sqlite3_create_function (db, "dossier_row_uuid", 2,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, row_uuid_func, NULL, NULL) == SQLITE_OK;
}

gboolean
_dossier_store_add_uuid_function (DossierStore  *self,
                                  GError       **error)
{
  if (!dossier_store_register_row_uuid (self->db))
    return _dossier_store_fail (self, error, _("Could not open the library"));
  return TRUE;
}
