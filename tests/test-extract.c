/* test-extract.c — the import dispatcher: encodings, binaries, bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <glib/gstdio.h>

#include "dossier-extract.h"
#include "dossier-test-util.h"

#define RU_TITLE "Переговоры о торговле продолжатся в Женеве"
#define RU_FIRST "Делегации двух стран договорились во вторник"

static DossierExtracted *
extract_fixture (const char  *name,
                 GError     **error)
{
  g_autofree char *path = dossier_test_data_path ("text", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dossier_extract_file (file, NULL, error);
}

static void
test_russian_encodings (void)
{
  static const char *files[] = {
    "russian-utf8.txt", "russian-utf8-bom.txt", "russian-cp1251.txt", "russian-koi8r.txt",
    "russian-utf16le-bom.txt", "russian-utf16be-bom.txt", "russian-utf16le.txt",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierExtracted) e = extract_fixture (files[i], &error);
      g_autofree char *date = NULL;

      g_test_message ("%s", files[i]);
      g_assert_no_error (error);
      g_assert_nonnull (e);
      g_assert_cmpstr (e->title, ==, RU_TITLE);
      g_assert_true (g_str_has_prefix (e->body, RU_FIRST));
      g_assert_true (g_utf8_validate (e->body, -1, NULL));
      g_assert_null (strstr (e->body, "\xef\xbb\xbf"));     /* no BOM left */
      date = dossier_date_to_string (&e->published);
      g_assert_cmpstr (date, ==, "2013-02-02");
      g_assert_cmpstr (e->language, ==, "ru");
    }
}

static void
test_western_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) fr = extract_fixture ("french-cp1252.txt", &error);
  g_autoptr(DossierExtracted) latin1 = NULL;
  g_autoptr(DossierExtracted) de = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fr->title, ==, "Débat sur l’énergie à Genève");
  g_assert_nonnull (strstr (fr->body, "« Nous avons fait des progrès »"));
  g_assert_nonnull (strstr (fr->body, "Zürich"));

  latin1 = extract_fixture ("french-latin1.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latin1->title, ==, "Débat sur l'énergie à Genève");

  de = extract_fixture ("german-cp1252.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (de->title, ==, "Gespräche über Gaspreise in München");
  g_assert_nonnull (strstr (de->body, "Außenminister"));
  g_assert_cmpstr (de->language, ==, "de");
}

static void
test_html_meta_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) e = extract_fixture ("meta-cp1251.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (e->title, ==, RU_TITLE);
  g_assert_nonnull (strstr (e->body, RU_FIRST));
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) e = extract_fixture ("invalid-utf8.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (e->title, ==, "Harbour Works Delayed Again");
  g_assert_true (g_utf8_validate (e->body, -1, NULL));
  /* the good multi-byte characters survive, the bad bytes are replaced */
  g_assert_nonnull (strstr (e->body, "Zürich"));
  g_assert_nonnull (strstr (e->body, "café"));
  g_assert_nonnull (strstr (e->body, "\xef\xbf\xbd"));
}

typedef struct
{
  const char *bytes;
  gsize       len;
  const char *kind;      /* words the message must contain */
} Binary;

/* the length of a literal with NULs in it, without the final one */
#define BIN(s, kind) { s, sizeof (s) - 1, kind }

static void
test_binaries (void)
{
  static const Binary cases[] = {
    BIN ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    BIN ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
    BIN ("\xff\xd8\xff\xe0\0\x10JFIF\0", "JPEG"),
    BIN ("GIF89a\x01\0\x01\0", "GIF"),
    BIN ("PK\x03\x04\x14\0\0\0\x08\0word/document.xml", "Word"),
    BIN ("PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/epub+zip", "EPUB"),
    BIN ("PK\x03\x04\x14\0\0\0\x08\0notes.txt", "ZIP"),
    BIN ("\x1f\x8b\x08\0\0\0\0\0\0\x03", "gzip"),
    BIN ("\x7f" "ELF\x02\x01\x01\0", "program"),
    BIN ("Hello\0world\0\0\0 this has NUL bytes", "binary"),
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].bytes, cases[i].len);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierExtracted) e = dossier_extract_bytes (bytes, "thing.txt", &error);

      g_test_message ("%s", cases[i].kind);
      g_assert_null (e);
      g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_BINARY);
      g_assert_nonnull (strstr (error->message, cases[i].kind));
      g_assert_nonnull (strstr (error->message, "thing.txt"));
    }
}

static void
test_empty_files (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *blank = g_build_filename (dir, "blank.txt", NULL);
  g_autoptr(GFile) f1 = g_file_new_for_path (empty);
  g_autoptr(GFile) f2 = g_file_new_for_path (blank);
  g_autoptr(GFile) d = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  DossierExtracted *e;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (blank, " \n\n\t \xc2\xa0\n", -1, NULL));

  e = dossier_extract_file (f1, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.txt"));
  g_clear_error (&error);

  e = dossier_extract_file (f2, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  /* a folder is not a file */
  e = dossier_extract_file (d, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO);
  g_clear_error (&error);

  dossier_test_remove_tree (dir);
}

static void
test_size_limit (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = g_format_size (DOSSIER_IMPORT_MAX_SIZE);
  DossierExtracted *e;
  gint64 start;
  int fd;

  /* a sparse 200 MB file: costs no disk, and must not be read */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 200 * 1024 * 1024), ==, 0);
  close (fd);

  start = g_get_monotonic_time ();
  e = dossier_extract_file (file, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  g_assert_nonnull (strstr (error->message, limit));
  /* refused from its size, not after reading 200 MB */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC * (gint64) dossier_test_slowdown ());

  dossier_test_remove_tree (dir);
}

static void
test_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) gone = NULL;
  g_autoptr(GError) error = NULL;
  DossierExtracted *e;

  dir = dossier_test_make_tmp_dir ();
  missing = g_build_filename (dir, "missing.txt", NULL);
  gone = g_file_new_for_path (missing);
  e = dossier_extract_file (gone, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.txt"));
  g_clear_error (&error);

  if (geteuid () == 0)
    {
      /* root reads a mode-000 file anyway, so there is nothing to test */
      dossier_test_remove_tree (dir);
      g_test_skip ("running as root: chmod 000 does not stop root from reading");
      return;
    }

  path = g_build_filename (dir, "secret.txt", NULL);
  g_assert_true (g_file_set_contents (path, "Title\n\nSome text that nobody may read.\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  file = g_file_new_for_path (path);
  e = dossier_extract_file (file, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "secret.txt"));
  g_assert_nonnull (strstr (error->message, "ermission"));   /* the reason */
  g_chmod (path, 0600);
  dossier_test_remove_tree (dir);
}

static void
test_kind_sniffing (void)
{
  static const char html[] =
    "<!DOCTYPE html><html><head><title>Port Reopens</title></head><body><article>"
    "<h1>Port Reopens</h1><p>The port reopened on Monday after a week of repairs to the "
    "main quay, the harbour master said, and the first ships docked in the afternoon.</p>"
    "<p>Traders said the closure had cost millions in lost business and delayed deliveries "
    "of grain and fertiliser across the region.</p></article></body></html>";
  static const char md[] =
    "# Port Reopens\n\nThe port reopened on **Monday** after a week of repairs to the main "
    "quay, the harbour master said.\n";
  g_autoptr(GBytes) b1 = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr(GBytes) b2 = g_bytes_new_static (md, sizeof md - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) e1 = NULL;
  g_autoptr(DossierExtracted) e2 = NULL;
  g_autoptr(DossierExtracted) e3 = NULL;

  /* HTML by content, even with a .txt name */
  e1 = dossier_extract_bytes (b1, "page.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (e1->title, ==, "Port Reopens");
  g_assert_null (strstr (e1->body, "<p>"));

  /* Markdown by extension and by its "# " headline */
  e2 = dossier_extract_bytes (b2, "note.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (e2->title, ==, "Port Reopens");
  g_assert_null (strstr (e2->body, "**"));
  e3 = dossier_extract_bytes (b2, "note", &error);
  g_assert_no_error (error);
  g_assert_null (strstr (e3->body, "**"));
}

typedef struct
{
  const char *in;
  const char *out;
} Norm;

static void
test_normalize (void)
{
  static const Norm cases[] = {
    { "a\xc2\xa0" "b", "a b" },                           /* no-break space */
    { "a\xe2\x80\xaf" "b\xe2\x80\x89" "c", "a b c" },     /* narrow and thin spaces */
    { "  a   b  \n", "a b" },
    { "a\r\nb", "a\nb" },
    { "a\n\n\n\nb", "a\n\nb" },
    { "a\n   \n\t\nb", "a\n\nb" },
    { "e\xcc\x81t\xc3\xa9", "\xc3\xa9t\xc3\xa9" },        /* NFC: e + ◌́ → é */
    { "zero\xe2\x80\x8bwidth", "zerowidth" },
    { "a\x01" "b", "ab" },
    { "bad\xff" "byte", "bad\xef\xbf\xbd" "byte" },
    { "", "" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = dossier_text_normalize (cases[i].in, -1);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/Extract/russian-encodings", test_russian_encodings);
  g_test_add_func ("/Dossier/Extract/western-encodings", test_western_encodings);
  g_test_add_func ("/Dossier/Extract/html-meta-charset", test_html_meta_charset);
  g_test_add_func ("/Dossier/Extract/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/Dossier/Extract/binaries", test_binaries);
  g_test_add_func ("/Dossier/Extract/empty-files", test_empty_files);
  g_test_add_func ("/Dossier/Extract/size-limit", test_size_limit);
  g_test_add_func ("/Dossier/Extract/unreadable", test_unreadable);
  g_test_add_func ("/Dossier/Extract/kind-sniffing", test_kind_sniffing);
  g_test_add_func ("/Dossier/Extract/normalize", test_normalize);

  return g_test_run ();
}
