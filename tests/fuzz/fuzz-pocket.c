/* fuzz-pocket.c — libFuzzer target: the Pocket export parser (the CSV and the older HTML export)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <glib.h>
#include "fuzz-app-common.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  fuzz_check_app_export (DOSSIER_APP_POCKET, data, size);
  return 0;
}
