#!/usr/bin/python3
# End-to-end: a library that takes long to open (one made by an earlier
# version, large enough that bringing it up to date lasts seconds) shows a
# window saying so at once, and the library's own window replaces it.
# Prints TAP.  Started by run-e2e.sh inside dbus-run-session.
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_ui as ui  # noqa: E402
from test_ui import check, find, wait, START_LIMIT, label_containing  # noqa: E402

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "schema-v4.sql")
# rows of about 1.2 kB each: the upgrade rewrites them all, which takes
# seconds here (the waiting window comes after half of one)
COPIES = 40000


def make_library(folder):
    """A schema-4 library (the fixture's three articles) with COPIES more."""
    path = os.path.join(folder, "library.db")
    db = sqlite3.connect(path)
    with open(FIXTURE) as f:
        db.executescript(f.read())
    db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
               " INSERT INTO articles (title, source, published, body, imported_at, date_precision,"
               "                       published_jd, body_hash)"
               " SELECT 'Harbour notice ' || i, 'The Harbour Ledger', '2010-03-18',"
               "        'Notice ' || i || ' of the harbour office. ' || hex(randomblob(500)),"
               "        0, 3, 733849, hex(randomblob(32)) FROM n", (COPIES,))
    db.commit()
    db.close()
    return path



def main():
    folder = tempfile.mkdtemp(prefix="dossier-e2e-opening-")
    try:
        run(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(folder):
    library = make_library(folder)
    if not ui.start_accessibility_bus(START_LIMIT):
        check("the app appears on the accessibility bus", False,
              f"the accessibility bus or its registry did not answer within {START_LIMIT:.0f} s")
        return
    log = open(ui.APP_LOG, "w") if ui.APP_LOG else subprocess.DEVNULL
    proc = subprocess.Popen([ui.APP, "--library", library], stderr=log)
    try:
        app = wait(ui.find_app, START_LIMIT)
        check("the app appears on the accessibility bus", app)
        if not app:
            return
        t0 = time.monotonic()
        waiting = wait(lambda: ui.windows(app, "Opening the Library"), START_LIMIT)
        check("a window says the library is being opened", waiting)
        if waiting:
            words = wait(lambda: label_containing(waiting[0], "library.db"))
            check("it names the library's file and why it takes long",
                  words and "brought up to date" in words.name, words.name if words else "")
        articles = wait(lambda: find(app, "list", "Articles"), START_LIMIT)
        check("the library's own window follows", articles)
        gone = wait(lambda: not ui.windows(app, "Opening the Library"))
        check("the waiting window goes when the library's window shows", gone,
              f"{time.monotonic() - t0:.1f} s after it appeared")
        # the upgrade kept every article, and the library is of today's schema
        db = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
        try:
            count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
        finally:
            db.close()
        check("every article is still there, brought up to date", count == COPIES + 3 and version > 4,
              f"{count} articles, schema {version}")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    ui.run(main)
