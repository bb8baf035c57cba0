#!/usr/bin/python3
# End-to-end: drive the running Dossier through AT-SPI as a person would.
# Prints TAP.  Started by run-e2e.sh inside dbus-run-session.
#
# Every wait polls a condition with a time limit; nothing sleeps for a
# fixed time.  The pointer and the keyboard go through xdotool (XTest), so
# the app takes them from its X event queue in the order they were sent:
# only a step whose next action depends on what the app did waits for it.
import os
import subprocess
import sys
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

import pyatspi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

APP = os.environ["DOSSIER_E2E_APP"]
APP_LOG = os.environ.get("DOSSIER_E2E_LOG")
POLL = 0.05
# the first start on a cold machine: the accessibility bus, its registry
# and the app (GTK, the demo library) all load from a cold disk
START_LIMIT = 180.0
# the running app answering one action
STEP_LIMIT = 20.0
results = []

# A question to the app (a row count, a position) waits as long as one
# step may take: AT-SPI's own 0.8 s made a busy app (a list reloading
# under the sanitizers) fail the test instead of answering late.
Atspi.set_timeout(int(STEP_LIMIT * 1000), int(START_LIMIT * 1000))


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def wait(predicate, limit=STEP_LIMIT):
    """Polls predicate until it gives a true value, for at most limit s."""
    end = time.monotonic() + limit
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        if time.monotonic() >= end:
            caller = sys._getframe(1)
            print(f"waited {limit:.0f} s in vain at {caller.f_code.co_name}, line {caller.f_lineno}",
                  file=sys.stderr)
            return None
        time.sleep(POLL)


def start_accessibility_bus(limit):
    """Starts the accessibility bus and its registry; waits until both answer.

    GTK asks for the bus address once, as the app makes its first widget,
    and registers the app with the registry once, each with D-Bus's default
    25 s reply timeout and no second try.  Both services are started on
    demand by whoever asks first; on a cold machine starting them can take
    longer than that, and the app then stays off the bus (or half on it)
    for the rest of its life.  With both answering before the app starts,
    the app's one try is answered at once."""
    end = time.monotonic() + limit

    def left_ms():
        return max(1, int((end - time.monotonic()) * 1000))

    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    address = wait(lambda: session.call_sync(
        "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
        GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, left_ms(), None).unpack()[0],
        end - time.monotonic())
    if not address:
        return False
    flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
             Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
    bus = wait(lambda: Gio.DBusConnection.new_for_address_sync(address, flags, None, None),
               end - time.monotonic())
    if not bus:
        return False
    registry = wait(lambda: bus.call_sync(
        "org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root", "org.a11y.atspi.Accessible",
        "GetChildren", None, GLib.VariantType("(a(so))"), Gio.DBusCallFlags.NONE, left_ms(), None),
        end - time.monotonic())
    bus.close_sync(None)
    return registry is not None


def find_app():
    for a in pyatspi.Registry.getDesktop(0):
        if a is not None and a.name == "dossier":
            return a
    return None


def find(root, role, name):
    return pyatspi.findDescendant(root, lambda a: a.getRoleName() == role and a.name == name)


def has_state(acc, state):
    return acc.getState().contains(state)


def focus_within(acc):
    """acc or one of its descendants has the keyboard focus."""
    return (has_state(acc, pyatspi.STATE_FOCUSED) or
            pyatspi.findDescendant(acc, lambda a: has_state(a, pyatspi.STATE_FOCUSED)) is not None)


def text_of(acc):
    # GTK 4.8's entries give nothing for an end offset of -1
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def xdotool(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=False)


def centre(acc):
    ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return ext.x + ext.width // 2, ext.y + ext.height // 2


def click(acc):
    x, y = centre(acc)
    xdotool("mousemove", x, y, "click", 1)


def focus(acc):
    """Clicks an entry and waits until it has the keyboard focus."""
    click(acc)
    return wait(lambda: has_state(acc, pyatspi.STATE_FOCUSED))


def drag_at(ax, bx, y):
    """Presses at ax, moves to bx in ten steps and lets go, all on row y."""
    moves = []
    for i in range(1, 11):
        moves += ["mousemove", ax + (bx - ax) * i // 10, y]
    xdotool("mousemove", ax, y, "mousedown", 1, *moves, "mouseup", 1)


def drag(acc, x0, x1, y):
    ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    drag_at(ext.x + int(ext.width * x0), ext.x + int(ext.width * x1), ext.y + int(ext.height * y))


def key(*combos):
    xdotool("key", *combos)


def type_text(text):
    xdotool("type", "--delay", 40, text)


def windows(app, name):
    return [w for w in app if w is not None and w.name == name]


def open_first(articles, tries=3):
    """Clicks the list's first row until it is the selected one.

    A search can still swap the rows once more after the list has narrowed
    (the entry reports its text before its last change is applied), and a
    click that lands while its row is replaced is lost: each try waits for
    the row under the pointer to show as selected."""
    for _ in range(tries):
        first = articles.getChildAtIndex(0)
        click(first)
        if wait(lambda: has_state(articles.getChildAtIndex(0), pyatspi.STATE_SELECTED), 10):
            break
    first = articles.getChildAtIndex(0)
    return first, first.getChildAtIndex(0).name if first.childCount else first.name


def annotate(app, text):
    """Select a passage with the mouse, add a note, find it in All Notes."""
    ext = text.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    drag_at(ext.x + 5, ext.x + 245, ext.y + 30)
    selected = wait(lambda: text.queryText().getNSelections() > 0)
    check("a passage can be selected in the article", selected)
    key("ctrl+Return")
    note = wait(lambda: pyatspi.findDescendant(app, lambda a: a.getRoleName() in ("text", "entry")
                                               and a.name == "Note"))
    check("Ctrl+Return opens the note editor on the selection", note)
    if not note:
        return
    wait(lambda: has_state(note, pyatspi.STATE_FOCUSED))
    type_text("zebra crossing theory")
    wait(lambda: "zebra crossing theory" in text_of(note))
    key("ctrl+Return")
    card = wait(lambda: pyatspi.findDescendant(app, lambda a: "zebra crossing theory" in (a.name or "")))
    check("the saved note appears beside the article", card)
    key("ctrl+shift+n")
    found = wait(lambda: windows(app, "All Notes"))
    check("All Notes opens", found)
    if found:
        listed = wait(lambda: pyatspi.findDescendant(found[0], lambda a: "zebra crossing theory" in (a.name or "")))
        check("the note is found in All Notes", listed)
        key("Escape")
        wait(lambda: not windows(app, "All Notes"))


def source_dropdown(app):
    return pyatspi.findDescendant(app, lambda a: a.getRoleName() == "combo box"
                                  and "Source" in (a.name or ""))


def choices_ready(dropdown):
    """The dropdown's list of choices is open, with the sources in it."""
    choices = pyatspi.findDescendant(dropdown, lambda a: a.getRoleName() == "list")
    return (choices is not None and choices.childCount > 1 and
            any(c is not None and has_state(c, pyatspi.STATE_FOCUSED) for c in choices))


def chosen(dropdown):
    """The dropdown's choices are closed and it shows a source."""
    if pyatspi.findDescendant(dropdown, lambda a: a.name == "GtkPopover") is not None:
        return None
    shown = pyatspi.findDescendant(dropdown, lambda a: a.getRoleName() == "label"
                                   and a.name not in (None, "", "(None)", "Any Source"))
    return shown.name if shown else None


def filter_by_source(app, articles, n):
    """Open the filter popover with its shortcut and pick a source."""
    key("ctrl+shift+f")
    source = wait(lambda: source_dropdown(app))
    check("Ctrl+Shift+F opens the filters, with a Source choice", source)
    if not source:
        return
    # the popover is a surface of its own, so the keyboard drives it: the
    # source list has the focus, Space opens its choices (another surface:
    # keys wait until it is up, and until it is gone again).  The sources
    # arrive from the library after the popover opens.
    wait(lambda: focus_within(source))
    key("space")
    wait(lambda: choices_ready(source))
    if os.environ.get("DOSSIER_E2E_SHOTS"):
        subprocess.run(["import", "-window", "root", os.environ["DOSSIER_E2E_SHOTS"] + "/filter.png"])
    key("Down", "Return")
    wait(lambda: chosen(source))
    key("Escape")
    narrowed = wait(lambda: 0 < articles.childCount < n and articles.childCount)
    chip = wait(lambda: pyatspi.findDescendant(app, lambda a: a.getRoleName() == "push button"
                                                and (a.name or "").startswith("Filter Source")))
    check("choosing a source narrows the list", narrowed, f"{n} → {articles.childCount} rows")
    check("the source shows as a removable chip", chip, chip.name if chip else "")


def people(app):
    """Opens the People section from the switcher at the list's foot, then
    a person's page from the first row, as a person would."""
    # the switcher at the list pane's foot: a tab per section
    switch = wait(lambda: pyatspi.findDescendant(app, lambda a: a.name == "People" and
                                                 a.getRoleName() == "page tab"))
    check("the People section's switch is reachable by name (People)", switch)
    if not switch:
        return
    click(switch)
    listing = wait(lambda: find(app, "list", "People"))
    shown = wait(lambda: listing.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width > 0)
    rows = wait(lambda: listing.childCount if listing and listing.childCount > 0 else 0)
    check("the People section shows the people quoted in the library", shown and rows, f"{rows or 0} rows")
    if not (shown and rows):
        return
    first = listing.getChildAtIndex(0)
    name = first.name
    click(first)
    # the page's heading is the name, and below it the number of quotes,
    # one row of the Quotes list each
    count = wait(lambda: pyatspi.findDescendant(app, lambda a: a.getRoleName() == "label" and
                                                (a.name or "").endswith((" quote", " quotes")) and
                                                (a.name or "")[0].isdigit()))
    quotes = wait(lambda: find(app, "list", "Quotes"))
    n = int(count.name.split()[0]) if count else -1
    shown = wait(lambda: quotes is not None and quotes.childCount == n and n >= 0 and n + 1)
    title = pyatspi.findDescendant(app, lambda a: a.getRoleName() == "label" and a.name == name)
    check("choosing a person opens their page with their quotes", count and shown and title,
          f"{name}: {n} quotes")


def open_feeds_section(app, articles):
    """Switches to the Feeds section with the switcher at the list's foot, and back."""
    # the switcher's button (a page tab)
    switch = wait(lambda: pyatspi.findDescendant(
        app, lambda a: a.name == "Feeds" and a.getRoleName() in ("page tab", "toggle button", "radio button")))
    if not switch:
        seen = []
        pyatspi.findAllDescendants(app, lambda a: seen.append((a.getRoleName(), a.name))
                                   if "eed" in (a.name or "") or a.getRoleName() == "toggle button" else None)
        check("the Feeds section's switch is reachable by name (Feeds)", switch, repr(seen[:30]))
        return
    check("the Feeds section's switch is reachable by name (Feeds)", switch)
    click(switch)
    feeds = wait(lambda: pyatspi.findDescendant(
        app, lambda a: "Follow a Feed…" in (a.name or "") and a.getRoleName() == "push button"))
    empty = wait(lambda: find(app, "label", "No Feeds"))
    check("the Feeds section shows Follow a Feed and, with no feed yet, says so", feeds and empty)
    check("the article list is hidden while Feeds shows",
          wait(lambda: not has_state(articles, pyatspi.STATE_SHOWING)))
    back = pyatspi.findDescendant(
        app, lambda a: a.name == "Articles" and a.getRoleName() in ("page tab", "toggle button", "radio button"))
    if back:
        click(back)
        wait(lambda: has_state(articles, pyatspi.STATE_SHOWING))


def start_app():
    log = open(APP_LOG, "w") if APP_LOG else subprocess.DEVNULL
    return subprocess.Popen([APP], stderr=log)


def main():
    t0 = time.monotonic()
    if not start_accessibility_bus(START_LIMIT):
        check("the app appears on the accessibility bus", False,
              f"the accessibility bus or its registry did not answer within {START_LIMIT:.0f} s")
        return
    t1 = time.monotonic()
    proc = start_app()
    try:
        app = wait(find_app, START_LIMIT)
        check("the app appears on the accessibility bus", app,
              f"bus and registry after {t1 - t0:.1f} s, the app {time.monotonic() - t1:.1f} s later")
        if not app:
            return
        articles = wait(lambda: find(app, "list", "Articles"), START_LIMIT)
        check("the article list is reachable by role and name (Articles)", articles)
        if not articles:
            return
        n = wait(lambda: articles.childCount if articles.childCount >= 12 else 0, START_LIMIT)
        check("the demo library fills the list", n, f"{articles.childCount} rows")

        search = find(app, "entry", "Search")
        check("the search entry is reachable", search)
        focus(search)
        type_text("salinity")
        wait(lambda: text_of(search) == "salinity")
        narrowed = wait(lambda: 0 < articles.childCount < n and articles.childCount)
        check("typing a search narrows the list", narrowed, f"{articles.childCount} rows")

        first, label = open_first(articles)
        text = wait(lambda: find(app, "text", "Article text"))
        check("the article text is reachable by role and name (Article text)", text)
        body = wait(lambda: text.queryText().getText(0, -1) if text.queryText().characterCount > 100 else None)
        check("opening an article shows its text", body and "salinity" in body.lower(),
              (label or "")[:60])

        annotate(app, text)

        timeline = pyatspi.findDescendant(app, lambda a: a.name == "Timeline" and
                                          a.getRoleName() not in ("push button", "toggle button", "label"))
        check("the timeline is reachable by name (Timeline)", timeline)
        if timeline:
            # clear the search, then drag across the middle of the timeline
            focus(search)
            key("ctrl+a", "BackSpace")
            full = wait(lambda: articles.childCount >= n and articles.childCount)
            # dragging along the date axis (the top band) selects a range
            drag(timeline, 0.35, 0.65, 0.16)
            ranged = wait(lambda: 0 < articles.childCount < n and articles.childCount)
            chip = wait(lambda: pyatspi.findDescendant(app, lambda a: a.getRoleName() == "push button"
                                                        and "–" in (a.name or "")))
            check("dragging across the timeline filters the list to that range", ranged,
                  f"{full} → {articles.childCount} rows")
            check("the range shows as a removable chip", chip)
            if chip:
                click(chip)
                wait(lambda: articles.childCount >= n and articles.childCount)
        filter_by_source(app, articles, n)
        open_feeds_section(app, articles)
        people(app)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run(main):
    """Runs a test's main(), prints its checks as TAP on fd 3 (or standard
    output) and, if one failed, the app's last messages; exits with the
    verdict."""
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
    failed = not all(ok for _, ok, _ in results)
    if failed and APP_LOG and os.path.exists(APP_LOG):
        # the app's own messages tell why it did not do what was asked
        with open(APP_LOG, errors="replace") as f:
            lines = f.read().splitlines()
        print("the app's messages:" if lines else "the app printed nothing", file=sys.stderr)
        for line in lines[-60:]:
            print("  " + line, file=sys.stderr)
    sys.exit(1 if failed else 0)


def label_containing(root, text):
    return pyatspi.findDescendant(root, lambda a: a.getRoleName() == "label" and text in (a.name or ""))


if __name__ == "__main__":
    run(main)
