#!/usr/bin/python3
# End-to-end: accept a suggested date through AT-SPI as a person would.
# Prints TAP.  Started by run-e2e.sh inside dbus-run-session.
#
# A library is made with dossier-cli (an undated article whose text dates
# it to Thu 4 Mar 2010, and a dated one); the app opens it, the article's
# reader line shows the suggestion, Review Suggested Dates (Ctrl+Shift+R)
# lists it, its row is checked with the pointer and Accept Selected
# clicked; the reader line then shows the accepted date.
import os
import subprocess
import sys
import tempfile

# the helpers of test_ui.py, without leaving compiled files in the source tree
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_ui as ui  # noqa: E402
from test_ui import check, click, find, key, wait, START_LIMIT, label_containing  # noqa: E402

import pyatspi  # noqa: E402

CLI = os.path.join(os.path.dirname(ui.APP), "cli", "dossier-cli")
UNDATED = ("Harbour to reopen\n\n"
           "The council met on 3 March 2010 to discuss the harbour.\n\n"
           "On Thursday the mayor said the harbour would reopen within a month.\n")
DATED = ("Council budget agreed\n\n"
         "The council agreed its budget for 2010 on 10 February 2010 after a long debate about the harbour.\n")


def make_library(folder):
    pages = os.path.join(folder, "pages")
    os.mkdir(pages)
    with open(os.path.join(pages, "harbour.txt"), "w") as f:
        f.write(UNDATED)
    with open(os.path.join(pages, "budget.txt"), "w") as f:
        f.write(DATED)
    library = os.path.join(folder, "library.db")
    subprocess.run([CLI, "import", "--library", library, pages], check=True,
                   stdout=subprocess.DEVNULL, stderr=sys.stderr)
    subprocess.run([CLI, "dates", "--library", library], check=True,
                   stdout=subprocess.DEVNULL, stderr=sys.stderr)
    return library



def button(root, label):
    """A sensitive push button whose name holds label (GTK 4.8 names a
    button with a mnemonic "_Label Label")."""
    return pyatspi.findDescendant(root, lambda a: a.getRoleName() == "push button"
                                  and label in (a.name or "")
                                  and a.getState().contains(pyatspi.STATE_SENSITIVE))


def dump(root):
    """Names the labels and buttons under root, on stderr, for a failure."""
    def walk(acc, depth):
        if acc is None or depth > 40:
            return
        if acc.getRoleName() in ("label", "push button", "list item"):
            print(f"  {acc.getRoleName()}: {acc.name!r} {[str(s) for s in acc.getState().getStates()][:6]}",
                  file=sys.stderr)
        for child in acc:
            walk(child, depth + 1)
    walk(root, 0)


def main():
    folder = tempfile.mkdtemp(prefix="dossier-e2e-dates-")
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
        articles = wait(lambda: find(app, "list", "Articles"), START_LIMIT)
        n = wait(lambda: articles.childCount if articles and articles.childCount >= 2 else 0, START_LIMIT)
        check("the library's two articles are listed", n, f"{articles.childCount if articles else 0} rows")
        if not n:
            return

        # open the undated one: its row is the one named after its title
        row = wait(lambda: next((r for r in articles if r is not None and
                                 (r.name == "Harbour to reopen" or
                                  pyatspi.findDescendant(r, lambda b: b.name == "Harbour to reopen"))), None))
        if row:
            click(row)
        banner = wait(lambda: label_containing(app, "suggested Thu 4 Mar 2010"))
        check("the reader line shows the suggested date", banner, banner.name if banner else "")
        if not banner:
            dump(app)

        key("ctrl+shift+r")
        dialog = wait(lambda: ui.windows(app, "Review Suggested Dates"))
        check("Ctrl+Shift+R opens Review Suggested Dates", dialog)
        if not dialog:
            return
        box = wait(lambda: pyatspi.findDescendant(dialog[0], lambda a: a.getRoleName() == "check box"
                                                  and a.name == "Harbour to reopen"))
        check("the suggestion's row has a check box named after the article", box)
        if not box:
            return
        click(box)
        checked = wait(lambda: box.getState().contains(pyatspi.STATE_CHECKED))
        check("clicking the check box checks it", checked)
        accept = wait(lambda: button(dialog[0], "Accept Selected"))
        check("Accept Selected becomes available", accept)
        if not accept:
            dump(dialog[0])
            return
        click(accept)
        undo = wait(lambda: button(dialog[0], "Undo"))
        check("accepting shows a toast with Undo", undo)
        key("Escape")
        accepted = wait(lambda: label_containing(app, "(suggested, accepted)"))
        check("the reader line shows the accepted date", accepted and "4 Mar 2010" in accepted.name,
              accepted.name if accepted else "")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    ui.run(main)
