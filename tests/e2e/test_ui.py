#!/usr/bin/python3
# End-to-end: drive the running Dossier through AT-SPI as a person would.
# Prints TAP.  Started by run-e2e.sh inside dbus-run-session.
import os
import subprocess
import sys
import time

import pyatspi

APP = os.environ["DOSSIER_E2E_APP"]
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def wait(predicate, timeout=15.0, step=0.2):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        time.sleep(step)
    return None


def find_app():
    for a in pyatspi.Registry.getDesktop(0):
        if a is not None and a.name == "dossier":
            return a
    return None


def find(root, role, name):
    return pyatspi.findDescendant(root, lambda a: a.getRoleName() == role and a.name == name)


def click(acc):
    ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")


def drag(acc, x0, x1, y):
    ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    ax, ay = ext.x + int(ext.width * x0), ext.y + int(ext.height * y)
    bx = ext.x + int(ext.width * x1)
    pyatspi.Registry.generateMouseEvent(ax, ay, "b1p")
    for i in range(1, 11):
        pyatspi.Registry.generateMouseEvent(ax + (bx - ax) * i // 10, ay, "abs")
        time.sleep(0.03)
    pyatspi.Registry.generateMouseEvent(bx, ay, "b1r")


def type_text(text):
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(0, ch, pyatspi.KEY_STRING)
        time.sleep(0.04)


def main():
    subprocess.run(["gsettings", "set", "org.gnome.desktop.interface", "toolkit-accessibility", "true"],
                   stderr=subprocess.DEVNULL)
    proc = subprocess.Popen(["timeout", "120", APP], stderr=subprocess.DEVNULL)
    try:
        app = wait(find_app, 30)
        check("the app appears on the accessibility bus", app)
        if not app:
            return
        articles = wait(lambda: find(app, "list", "Articles"))
        check("the article list is reachable by role and name (Articles)", articles)
        if not articles:
            return
        n = wait(lambda: articles.childCount if articles.childCount >= 12 else 0)
        check("the demo library fills the list", n, f"{articles.childCount} rows")

        search = find(app, "entry", "Search")
        check("the search entry is reachable", search)
        click(search)
        time.sleep(0.4)
        type_text("salinity")
        narrowed = wait(lambda: 0 < articles.childCount < n and articles.childCount)
        check("typing a search narrows the list", narrowed, f"{articles.childCount} rows")

        first = articles.getChildAtIndex(0)
        label = first.getChildAtIndex(0).name if first.childCount else first.name
        click(first)
        text = wait(lambda: find(app, "text", "Article text"))
        check("the article text is reachable by role and name (Article text)", text)
        body = wait(lambda: text.queryText().getText(0, -1) if text.queryText().characterCount > 100 else None)
        check("opening an article shows its text", body and "salinity" in body.lower(),
              (label or "")[:60])

        timeline = pyatspi.findDescendant(app, lambda a: a.name == "Timeline" and
                                          a.getRoleName() not in ("push button", "toggle button", "label"))
        check("the timeline is reachable by name (Timeline)", timeline)
        if timeline:
            # clear the search, then drag across the middle of the timeline
            click(search)
            for _ in range(len("salinity")):
                pyatspi.Registry.generateKeyboardEvent(0xff08, None, pyatspi.KEY_SYM)  # BackSpace
                time.sleep(0.03)
            full = wait(lambda: articles.childCount >= n and articles.childCount)
            # dragging along the date axis (the top band) selects a range
            drag(timeline, 0.35, 0.65, 0.16)
            ranged = wait(lambda: 0 < articles.childCount < n and articles.childCount)
            chip = wait(lambda: pyatspi.findDescendant(app, lambda a: a.getRoleName() == "push button"
                                                        and "–" in (a.name or "")), 5)
            check("dragging across the timeline filters the list to that range", ranged,
                  f"{full} → {articles.childCount} rows")
            check("the range shows as a removable chip", chip)
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


try:
    main()
except Exception as e:  # a crash of the test is a failure, not a pass
    check("the test ran to the end", False, repr(e))

try:
    tap = os.fdopen(3, "w")
except OSError:
    tap = sys.stdout
print(f"1..{len(results)}", file=tap)
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}" + (f" # {detail}" if detail else ""), file=tap)
tap.flush()
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
