#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Stories section through AT-SPI, as a person uses it: a library with
# three reports of one ferry strike (imported with dossier-cli before the
# app starts), the Stories switcher clicked, the story listed with its
# outlets, the story clicked, its articles shown oldest first.  Run by
# run-e2e.sh, which gives the session, the display and DOSSIER_E2E_APP.
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_ui  # noqa: E402
from test_ui import check, wait, find, click, START_LIMIT  # noqa: E402
import pyatspi  # noqa: E402

CLI = os.environ.get("DOSSIER_CLI")
DATA = os.path.join(os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                    "data", "stories")


def texts(acc):
    """The names of @acc and its descendants, as a screen reader reads them."""
    out = []

    def walk(a, depth=0):
        if a is None or depth > 12:
            return
        if a.name:
            out.append(a.name)
        try:
            if a.getRoleName() == "label":
                t = a.queryText()
                out.append(t.getText(0, t.characterCount))
        except NotImplementedError:
            pass
        for i in range(a.childCount):
            walk(a.getChildAtIndex(i), depth + 1)
    walk(acc)
    return "\n".join(out)


def main():
    library = os.path.join(os.environ["XDG_DATA_HOME"], "dossier", "library.db")
    os.makedirs(os.path.dirname(library), exist_ok=True)
    files = [os.path.join(DATA, n) for n in ("ferry-wire.txt", "ferry-copy.txt", "ferry-court.txt", "bakery.txt")]
    r = subprocess.run([CLI, "import", "--library", library] + files, capture_output=True, text=True)
    check("the story's reports are imported", r.returncode == 0, r.stderr.strip()[:200])
    if r.returncode != 0:
        return
    if not test_ui.start_accessibility_bus(START_LIMIT):
        check("the accessibility bus answers", False)
        return
    proc = test_ui.start_app()
    try:
        app = wait(test_ui.find_app, START_LIMIT)
        check("the app appears on the accessibility bus", app)
        if not app:
            return
        wait(lambda: find(app, "list", "Articles"), START_LIMIT)
        # the switcher at the foot of the list's pane: a tab per section
        switch = wait(lambda: find(app, "page tab", "Stories"))
        check("the Stories switcher is reachable by name", switch)
        if not switch:
            return
        click(switch)
        stories = wait(lambda: find(app, "list", "Stories"))
        check("the Stories list is reachable by role and name (Stories)", stories)
        if not stories:
            return
        # the app groups the new articles in the background, then lists them
        # (found again: the list shows in place of the empty state)
        stories = wait(lambda: (lambda s: s if s is not None and s.childCount >= 1 else None)(
            find(app, "list", "Stories")), START_LIMIT)
        check("the story is listed", stories)
        if not stories:
            return
        row = stories.getChildAtIndex(0)
        listed = wait(lambda: (lambda t: t if "The Estuary Courier" in t and "3 days" in t else None)(texts(row)))
        check("its row names the outlets and the span of days", listed, (texts(row) or "").replace("\n", " | ")[:160])
        click(row)
        articles = wait(lambda: find(app, "list", "Articles of the story, oldest first"))
        check("choosing it opens the story's page", articles)
        if not articles:
            return
        n = wait(lambda: articles.childCount if articles.childCount == 3 else 0)
        check("the page lists its three articles", n, f"{articles.childCount} rows")
        if n:
            first = texts(articles.getChildAtIndex(0))
            last = texts(articles.getChildAtIndex(2))
            check("oldest first: the wire report, the court ruling last",
                  "Ferry Crews Walk Out" in first and "Court Halts" in last,
                  f"{first[:60]!r} … {last[:60]!r}".replace("\n", " "))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    test_ui.run(main)
