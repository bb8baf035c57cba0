/* dossier-cli-lazy.c — the libraries dossier-cli loads only when a
 * command first calls them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most of dossier-cli's commands read the library and print: they never
 * parse HTML (libxml2, which brings ICU's common library and liblzma),
 * guess a file's encoding (uchardet), or, for most searches, transliterate
 * a Cyrillic word (ICU's i18n library, which brings libstdc++).  Linked
 * as usual, the dynamic loader maps and relocates all of them before
 * main(): they are 8 of the 25 libraries it loaded, with about half of
 * their relocations, and `dossier-cli --help` took 28-31 ms of processor
 * time with them against 17-19 ms without (perf stat -r 30, the two
 * builds taking turns on a busy machine).
 *
 * So the few functions the commands' code calls from them are defined
 * here, each loading its library (dlopen) and the real function (dlsym)
 * at its first call; the linker, finding them defined, no longer lists
 * those libraries as needed (--as-needed, meson's default).  Markdown
 * (cmark) stays linked: a note's snippet renders it.  The libraries
 * named are those of the headers built against: a library that cannot
 * be loaded ends the command with its name and the reason, as a missing
 * library would have at the start.
 *
 * tests/check-cli-libraries.sh fails when a change brings them back.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <uchardet.h>
#include <unicode/utrans.h>
#include <unicode/uvernum.h>

#define ICU_I18N "libicui18n.so." G_STRINGIFY (U_ICU_VERSION_MAJOR_NUM)
#define LIBXML2  "libxml2.so.2"
#define UCHARDET "libuchardet.so.0"

static void *
lazy_symbol (const char *library,
             const char *name)
{
  void *handle = dlopen (library, RTLD_NOW | RTLD_LOCAL);
  void *symbol;

  if (handle == NULL)
    {
      fprintf (stderr, "dossier-cli: could not load %s: %s\n", library, dlerror ());
      exit (1);
    }
  /* the handle stays open: its functions are called until exit */
  symbol = dlsym (handle, name);
  if (symbol == NULL)
    {
      fprintf (stderr, "dossier-cli: %s has no %s: %s\n", library, name, dlerror ());
      exit (1);
    }
  return symbol;
}

/* The real function, found at the first call (a race finds it twice, to
 * the same address) */
#define REAL(library, name, type) \
  type real = g_atomic_pointer_get (&real_##name); \
  if (real == NULL) \
    { \
      real = (type) lazy_symbol (library, G_STRINGIFY (name)); \
      g_atomic_pointer_set (&real_##name, real); \
    }

/* A function of @library returning @ret, its parameters @params and the
 * call's arguments @args; `name` expands first, so ICU's functions are
 * looked up by their versioned names (utrans_openU_72) */
#define LAZY(library, ret, name, params, args) LAZY_ (library, ret, name, params, args)
#define LAZY_(library, ret, name, params, args) \
  typedef ret (*name##_fn) params; \
  static name##_fn real_##name; \
  ret name params \
  { \
    REAL (library, name, name##_fn) \
    return real args; \
  }
#define LAZY_VOID(library, name, params, args) LAZY_VOID_ (library, name, params, args)
#define LAZY_VOID_(library, name, params, args) \
  typedef void (*name##_fn) params; \
  static name##_fn real_##name; \
  void name params \
  { \
    REAL (library, name, name##_fn) \
    real args; \
  }

/* ICU: a Cyrillic word's Latin name key */
LAZY (ICU_I18N, UTransliterator *, utrans_openU,
      (const UChar *id, int32_t idLength, UTransDirection dir, const UChar *rules,
       int32_t rulesLength, UParseError *parseError, UErrorCode *pErrorCode),
      (id, idLength, dir, rules, rulesLength, parseError, pErrorCode))
LAZY_VOID (ICU_I18N, utrans_transUChars,
           (const UTransliterator *trans, UChar *text, int32_t *textLength, int32_t textCapacity,
            int32_t start, int32_t *limit, UErrorCode *status),
           (trans, text, textLength, textCapacity, start, limit, status))
LAZY_VOID (ICU_I18N, utrans_close, (UTransliterator *trans), (trans))

/* libxml2: `extract`, an article's HTML */
LAZY (LIBXML2, htmlDocPtr, htmlReadMemory,
      (const char *buffer, int size, const char *URL, const char *encoding, int options),
      (buffer, size, URL, encoding, options))
LAZY (LIBXML2, xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc))
LAZY_VOID (LIBXML2, xmlFreeDoc, (xmlDocPtr cur), (cur))
LAZY_VOID (LIBXML2, xmlFreeNode, (xmlNodePtr cur), (cur))
LAZY (LIBXML2, xmlNodePtr, xmlNewDocNode,
      (xmlDocPtr doc, xmlNsPtr ns, const xmlChar *name, const xmlChar *content),
      (doc, ns, name, content))
LAZY (LIBXML2, xmlChar *, xmlNodeGetContent, (const xmlNode *cur), (cur))
LAZY_VOID (LIBXML2, xmlNodeSetName, (xmlNodePtr cur, const xmlChar *name), (cur, name))
LAZY_VOID (LIBXML2, xmlUnlinkNode, (xmlNodePtr cur), (cur))

/* uchardet: `extract`, a file's encoding */
LAZY (UCHARDET, uchardet_t, uchardet_new, (void), ())
LAZY_VOID (UCHARDET, uchardet_delete, (uchardet_t ud), (ud))
LAZY (UCHARDET, int, uchardet_handle_data, (uchardet_t ud, const char *data, size_t len), (ud, data, len))
LAZY_VOID (UCHARDET, uchardet_data_end, (uchardet_t ud), (ud))
LAZY (UCHARDET, const char *, uchardet_get_charset, (uchardet_t ud), (ud))
