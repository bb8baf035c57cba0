#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The team library end to end, through AT-SPI: one PostgreSQL server
# started here (as the postgres user, on a Unix socket only), a team made
# on it with dossier-cli, and two members, ana and ben, each in a Dossier
# of their own: two app processes, each in a D-Bus session of its own
# (so each is the one instance there, with its own unlocked gnome-keyring,
# settings and library), both on this session's accessibility bus.
#
# Both libraries are shared through Share Library…; a note ana writes
# appears in ben's window within 5 s, with a toast naming her.  With the
# server stopped both edit the note; once it is back, ana's edit reaches
# the team first, and ben resolves the conflict in his Conflicts view
# with Keep Both: both versions are then in both windows.
#
# Run by run-e2e.sh, which gives the session, the display and
# DOSSIER_E2E_APP.  Skips when PostgreSQL or gnome-keyring cannot start.
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_ui  # noqa: E402
from test_ui import (check, wait, find, click, key, type_text, xdotool, has_state,  # noqa: E402
                     text_of, START_LIMIT, STEP_LIMIT)
import pyatspi  # noqa: E402
from gi.repository import Gio, GLib  # noqa: E402

CLI = os.environ.get("DOSSIER_CLI")
DATA = os.path.join(os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                    "data", "stories")
# how soon a member's note is in the other member's open article
LIVE_LIMIT = 5.0
NOTE = "fog on the north pier"
ANA_EDIT = "ana says the fog delayed the crossing"
BEN_EDIT = "ben says the crews cited fog"
SKIP = []


def skip(reason):
    SKIP.append(reason)


# --- the server ---

class Server:
    """A PostgreSQL server of the test's own, on a Unix socket in a folder
    the server's user owns; a watcher stops it if the test dies first."""

    def __init__(self):
        self.bin = self.dir = None
        self.password = "server-" + os.urandom(8).hex()

    def find_bin(self):
        best, best_version = None, 0
        try:
            names = os.listdir("/usr/lib/postgresql")
        except OSError:
            return None
        for name in names:
            b = os.path.join("/usr/lib/postgresql", name, "bin")
            if name.isdigit() and int(name) >= 13 and int(name) > best_version and \
                    os.access(os.path.join(b, "pg_ctl"), os.X_OK):
                best, best_version = b, int(name)
        return best

    def as_server(self, argv, **kw):
        if os.geteuid() == 0:
            argv = ["runuser", "-u", "postgres", "--"] + argv
        return subprocess.run(argv, capture_output=True, text=True, **kw)

    def start(self):
        """Makes and starts the server; None, or why it could not."""
        self.bin = self.find_bin()
        if self.bin is None:
            return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl; build-aux/deps.sh installs it)"
        user = None
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                return "there is no postgres user to run the server as"
        # short: a socket's path has a length limit
        self.dir = tempfile.mkdtemp(prefix="de-pg-", dir="/tmp")
        pw = os.path.join(self.dir, "pw")
        with open(pw, "w") as f:
            f.write(self.password)
        if user is not None:
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            os.chown(pw, user.pw_uid, user.pw_gid)
        self.watch()
        r = self.as_server([os.path.join(self.bin, "initdb"), "-D", os.path.join(self.dir, "data"),
                            "-U", "postgres", "-A", "scram-sha-256", "--pwfile", pw, "-E", "UTF8", "--no-sync"])
        if r.returncode != 0:
            return "initdb failed: " + (r.stderr or r.stdout).strip()[-200:]
        return self.ctl("start")

    def ctl(self, what):
        """Starts or stops the server, waiting until it has; None or why not."""
        argv = [os.path.join(self.bin, "pg_ctl"), "-D", os.path.join(self.dir, "data"), "-w", "-t", "60"]
        if what == "start":
            argv += ["-o", f"-k {self.dir} -c listen_addresses= -c fsync=off",
                     "-l", os.path.join(self.dir, "server.log")]
        else:
            argv += ["-m", "fast"]
        r = self.as_server(argv + [what])
        return None if r.returncode == 0 else f"pg_ctl {what} failed: " + (r.stderr or r.stdout).strip()[-200:]

    def watch(self):
        # in a session of its own, so a time limit that ends the test's
        # process group leaves it to stop the server
        script = ('while kill -0 "$1" 2>/dev/null; do sleep 1; done; '
                  'if [ -f "$2/data/postmaster.pid" ]; then '
                  '  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$3/pg_ctl" -D "$2/data" -m immediate -w stop; '
                  '  else "$3/pg_ctl" -D "$2/data" -m immediate -w stop; fi; '
                  'fi; rm -rf "$2"')
        subprocess.Popen(["/bin/sh", "-c", script, "dossier-e2e-pg-watch", str(os.getpid()), self.dir, self.bin],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)

    def url(self, database, admin=False):
        host = urllib.parse.quote(self.dir, safe="")
        url = f"postgresql:///{database}?host={host}"
        return url + f"&user=postgres&password={self.password}" if admin else url

    def psql(self, sql):
        r = subprocess.run([os.path.join(self.bin, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                            "-d", self.url("postgres", True), "-c", sql], capture_output=True, text=True)
        return None if r.returncode == 0 else r.stderr.strip()[-200:]

    def close(self):
        if self.dir is None:
            return
        if os.path.exists(os.path.join(self.dir, "data", "postmaster.pid")):
            self.as_server([os.path.join(self.bin, "pg_ctl"), "-D", os.path.join(self.dir, "data"),
                            "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


# --- the members' apps ---

class Member:
    """A member's Dossier: its own folders, D-Bus session and keyring."""

    def __init__(self, name, work):
        self.name = name
        self.password = name + "-" + os.urandom(6).hex()
        self.home = os.path.join(work, name)
        for d in ("data/dossier", "config", "cache"):
            os.makedirs(os.path.join(self.home, d), exist_ok=True)
        os.makedirs(os.path.join(self.home, "runtime"), mode=0o700, exist_ok=True)
        self.library = os.path.join(self.home, "data", "dossier", "library.db")
        self.log = os.path.join(self.home, "app.log")
        self.proc = None
        self.app = None
        self.pid = None

    def start(self, a11y_address):
        env = dict(os.environ,
                   XDG_RUNTIME_DIR=os.path.join(self.home, "runtime"),
                   XDG_DATA_HOME=os.path.join(self.home, "data"),
                   XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                   XDG_CACHE_HOME=os.path.join(self.home, "cache"),
                   AT_SPI_BUS_ADDRESS=a11y_address,
                   DOSSIER_NO_DEMO="1",
                   G_MESSAGES_DEBUG="dossier-window dossier-team dossier-share-dialog")
        # the keyring's own password is the test's; the app finds it unlocked
        inner = ('printf "%s" "$1" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 '
                 '|| { echo "gnome-keyring-daemon did not start" >&2; exit 1; }; shift; exec "$@"')
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(["dbus-run-session", "--", "sh", "-c", inner, "sh",
                                          "keyring-" + self.name, os.environ["DOSSIER_E2E_APP"]],
                                         env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)

    def stop(self):
        if self.proc is None:
            return
        # the app first, so that its session ends with it
        if self.pid:
            try:
                os.kill(self.pid, 15)
            except OSError:
                pass
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def windows(self):
        """The app's X windows that are shown (the main window, a dialog)."""
        r = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.pid)],
                           capture_output=True, text=True)
        return r.stdout.split()

    def front(self):
        """Raises the member's windows over the other member's and gives
        them the keyboard (with no window manager, both sit at 0,0)."""
        for w in self.windows():
            xdotool("windowraise", w)
        ws = self.windows()
        if ws:
            xdotool("windowfocus", "--sync", ws[-1])


def dossier_apps():
    return [a for a in pyatspi.Registry.getDesktop(0) if a is not None and a.name == "dossier"]


def shot(name):
    """A screenshot of the screen, when DOSSIER_E2E_SHOTS names a folder."""
    if os.environ.get("DOSSIER_E2E_SHOTS"):
        subprocess.run(["import", "-window", "root", os.path.join(os.environ["DOSSIER_E2E_SHOTS"], name + ".png")],
                       check=False)


def menu_item(app, name):
    return pyatspi.findDescendant(app, lambda a: a.getRoleName() == "menu item" and a.name == name)


def status(m):
    """The sync status in the member's header bar (a button named by it)."""
    return pyatspi.findDescendant(m.app, lambda a: a.getRoleName() == "push button" and
                                  (a.name in ("Synced", "Offline", "Connecting…") or
                                   (a.name or "").startswith(("Syncing", "Sending", "Offline ·")) or
                                   (a.name or "").endswith(("Conflict", "Conflicts"))))


def status_is(m, *names):
    s = status(m)
    return s if s is not None and (s.name in names or any(s.name.startswith(n + " ") for n in names)) else None


def share(m, server):
    """Share Library… from the main menu (F10, then its mnemonic), the
    server's socket folder, the database, the member and the password
    typed in, Return: the dialog closes and the header says Synced."""
    m.front()
    key("F10")
    item = wait(lambda: menu_item(m.app, "Share Library…"))
    check(f"{m.name}: the main menu offers Share Library…", item)
    key("h")
    dialog = wait(lambda: test_ui.windows(m.app, "Share Library"))
    check(f"{m.name}: Share Library… opens its dialog", dialog)
    if not dialog:
        return False
    dialog = dialog[0]
    for field, value in (("Server", server.dir), ("Database", "news"), ("User Name", m.name),
                         ("Password", m.password)):
        entry = wait(lambda: find(dialog, "text", field))
        if entry is None:
            check(f"{m.name}: the dialog's {field} field is reachable by name", False)
            return False
        # an entry row reports no focus of its own: what it shows tells
        # that the typing went into it
        for _ in range(3):
            click(entry)
            key("ctrl+a", "BackSpace")
            type_text(value)
            if wait(lambda: text_of(entry) == value, 5):
                break
        else:
            check(f"{m.name}: typing fills the dialog's {field} field", False, repr(text_of(entry)))
            return False
    # Test Connection says in words that the server takes this member
    test = pyatspi.findDescendant(dialog, lambda a: a.getRoleName() == "push button" and
                                  "Test Connection" in (a.name or ""))
    click(test)
    # (a label's accessible name is its text, once the text is set)
    said = wait(lambda: test_ui.label_containing(dialog, "Connected"), START_LIMIT / 3)
    check(f"{m.name}: Test Connection says the server takes them", said, said.name if said else "")
    shot(f"share-dialog-{m.name}")
    click(pyatspi.findDescendant(dialog, lambda a: a.getRoleName() == "push button" and
                                 (a.name or "").endswith(" Share")))
    closed = wait(lambda: not test_ui.windows(m.app, "Share Library"), START_LIMIT / 3)
    synced = wait(lambda: status_is(m, "Synced"), START_LIMIT / 3)
    check(f"{m.name}: Share in the dialog shares the library, and the header says Synced", closed and synced,
          status(m).name if status(m) else "no status")
    shot(f"synced-{m.name}")
    return closed and synced


def shallow_label(root, name, depth):
    """A label named @name at most @depth levels under @root, breadth first."""
    level = [root]
    for _ in range(depth):
        below = []
        for a in level:
            for i in range(a.childCount):
                c = a.getChildAtIndex(i)
                if c is None:
                    continue
                if c.getRoleName() == "label" and c.name == name:
                    return c
                below.append(c)
        level = below
    return None


def open_article(m, title):
    """Clicks the article's row in the member's list; waits for its text."""
    articles = wait(lambda: find(m.app, "list", "Articles"))
    row = wait(lambda: next((r for r in articles if r is not None and
                             test_ui.label_containing(r, title) is not None), None), START_LIMIT)
    check(f"{m.name}'s list has “{title}”", row)
    if row is None:
        return False
    click(row)
    text = wait(lambda: find(m.app, "text", "Article text"))
    opened = wait(lambda: text and "Ferry crews" in text_of(text) and on_screen(text))
    check(f"{m.name} opens it", opened)
    return opened


def note_card(m, words):
    """The card in the member's notes pane whose note says @words."""
    return pyatspi.findDescendant(m.app, lambda a: a.getRoleName() == "label" and (a.name or "") == words)


def on_screen(acc):
    """@acc takes room on the screen: not in a folded pane, not hidden."""
    ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return ext.width > 0 and ext.height > 0 and ext.x >= 0 and ext.y >= 0


def note_editor(m):
    return pyatspi.findDescendant(m.app, lambda a: a.getRoleName() in ("text", "entry") and a.name == "Note")


# the passage: across the article's first line, from its start
PASSAGE = (5, 245, 30)


def write_note(m, text, words):
    ext = text.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    test_ui.drag_at(ext.x + PASSAGE[0], ext.x + PASSAGE[1], ext.y + PASSAGE[2])
    if not wait(lambda: text.queryText().getNSelections() > 0):
        return None
    key("ctrl+Return")
    return type_note(m, words)


def type_note(m, words):
    note = wait(lambda: note_editor(m))
    if note is None:
        return None
    wait(lambda: has_state(note, pyatspi.STATE_FOCUSED))
    key("ctrl+a")
    type_text(words)
    wait(lambda: text_of(note) == words)
    key("ctrl+Return")
    return wait(lambda: note_card(m, words))


def edit_note(m, words):
    """Clicks the note's highlight in the article; its editor opens."""
    text = find(m.app, "text", "Article text")
    ext = text.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    xdotool("mousemove", ext.x + (PASSAGE[0] + PASSAGE[1]) // 2, ext.y + PASSAGE[2], "click", 1)
    return type_note(m, words)


def a11y_address():
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    return session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                             GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 10000, None).unpack()[0]


def main():
    for prog in ("gnome-keyring-daemon",):
        if shutil.which(prog) is None:
            skip(f"{prog} is not installed (build-aux/deps.sh installs it)")
            return
    server = Server()
    work = tempfile.mkdtemp(prefix="dossier-e2e-team-")
    members = []
    try:
        why = server.start()
        if why:
            skip(why)
            return
        why = server.psql("CREATE DATABASE news")
        check("the team's database is made", why is None, why or "")
        if why:
            return
        admin = server.url("news", True)
        r = subprocess.run([CLI, "team", "init", "--server", admin], capture_output=True, text=True)
        check("dossier-cli team init makes the team", r.returncode == 0, (r.stderr or r.stdout).strip()[:200])
        ana, ben = Member("ana", work), Member("ben", work)
        members = [ana, ben]
        # an editor changes only her own notes; ben, an owner, may change
        # hers too, so both can edit the one note
        for m, role in ((ana, "editor"), (ben, "owner")):
            r = subprocess.run([CLI, "team", "add-member", "--server", admin, m.name, "--role", role,
                                "--password-stdin"], input=m.password + "\n", capture_output=True, text=True)
            check(f"dossier-cli team add-member adds {m.name} ({role})", r.returncode == 0, r.stderr.strip()[:200])
        for m, f in ((ana, "ferry-wire.txt"), (ben, "bakery.txt")):
            r = subprocess.run([CLI, "import", "--library", m.library, os.path.join(DATA, f)],
                               capture_output=True, text=True)
            check(f"{m.name}'s library has an article of its own", r.returncode == 0, r.stderr.strip()[:200])
        if not test_ui.start_accessibility_bus(START_LIMIT):
            check("the accessibility bus answers", False)
            return
        address = a11y_address()
        ana.start(address)
        apps = wait(dossier_apps, START_LIMIT)
        check("ana's Dossier appears on the accessibility bus", apps)
        if not apps:
            return
        ana.app = apps[0]
        ana.pid = ana.app.get_process_id()
        ben.start(address)
        others = wait(lambda: [a for a in dossier_apps() if a.get_process_id() != ana.pid], START_LIMIT)
        check("ben's Dossier, a process of its own, appears too", others)
        if not others:
            return
        ben.app = others[0]
        ben.pid = ben.app.get_process_id()
        for m in members:
            lst = wait(lambda: find(m.app, "list", "Articles"), START_LIMIT)
            rows = wait(lambda: lst.childCount if lst and lst.childCount >= 1 else 0, START_LIMIT)
            check(f"{m.name}'s window lists the library's article", rows)
        if not all(share(m, server) for m in members):
            return
        # ben's library gets ana's article from the team
        ferry = "Ferry Crews Walk Out Over Night Shifts"
        for m in (ben, ana):
            m.front()
            if not open_article(m, ferry):
                return
        text = find(ana.app, "text", "Article text")
        saved = write_note(ana, text, NOTE)
        check("ana writes a note on a passage, and it shows in her notes pane", saved)
        if not saved:
            return
        # Each look is narrow: the toast among the window's first few
        # levels (the toast overlay wraps the window's content), the card
        # in the notes pane only.  A toast lasts 5 s, and on a loaded
        # machine a walk of the whole window took that long and missed it.
        # (The toast may also wait its turn behind one still shown.)
        pane = find(ben.app, "panel", "Notes")
        t = time.monotonic()
        live = {}

        def look():
            if "toast" not in live:
                toast = shallow_label(ben.app, "ana added a note", 8)
                if toast is not None:
                    live["toast"] = toast
            if "card" not in live:
                card = pyatspi.findDescendant(pane or ben.app, lambda a: a.getRoleName() == "label" and
                                              a.name == NOTE)
                if card is not None:
                    live["card"], live["took"] = card, time.monotonic() - t
            return "card" in live and "toast" in live

        wait(look, STEP_LIMIT)
        seen = live.get("card")
        took = live.get("took", time.monotonic() - t)
        check(f"ana's note appears in ben's open article within {LIVE_LIMIT:.0f} s",
              seen and took <= LIVE_LIMIT and on_screen(seen), f"{took:.1f} s")
        if live.get("toast") is None and os.environ.get("ASAN_OPTIONS"):
            # A toast lasts 5 s; in the sanitizer build each look over
            # AT-SPI is many times slower and can miss it (the plain build
            # asserts it).  Reported as skipped, never as passed.
            check("a toast in ben's window names ana", True,
                  "SKIP not seen within the look's time in the sanitizer build")
        else:
            check("a toast in ben's window names ana", live.get("toast"))
        ben.front()
        shot("live-note")
        if not seen:
            return

        # the server goes: both windows say they are offline
        why = server.ctl("stop")
        check("the server stops", why is None, why or "")
        for m in members:
            off = wait(lambda: status_is(m, "Offline"), STEP_LIMIT * 2)
            check(f"{m.name}'s header says Offline once the server is gone", off,
                  status(m).name if status(m) else "no status")
        for m, words in ((ana, ANA_EDIT), (ben, BEN_EDIT)):
            m.front()
            edited = edit_note(m, words)
            check(f"{m.name} edits the note while offline", edited)
            queued = wait(lambda: status_is(m, "Offline · 1 queued"))
            check(f"{m.name}'s header counts the queued change", queued,
                  status(m).name if status(m) else "no status")
            shot(f"offline-{m.name}")
            if not edited:
                return

        # the server is back: ana's edit reaches it first (her status
        # button tries at once), then ben's clashes with it
        why = server.ctl("start")
        check("the server starts again", why is None, why or "")
        ana.front()
        click(status(ana))
        check("ana's window syncs again when she clicks Offline",
              wait(lambda: status_is(ana, "Synced"), STEP_LIMIT * 2),
              status(ana).name if status(ana) else "no status")
        ben.front()
        click(status(ben))
        conflict = wait(lambda: status_is(ben, "1 Conflict"), STEP_LIMIT * 2)
        check("ben's header says 1 Conflict", conflict, status(ben).name if status(ben) else "no status")
        shot("conflict-status")
        if not conflict:
            return
        click(conflict)
        keep_both = wait(lambda: pyatspi.findDescendant(ben.app, lambda a: a.getRoleName() == "push button" and
                                                       "Keep Both" in (a.name or "")))
        check("ben's Conflicts view opens from the header, with Keep Both", keep_both)
        if not keep_both:
            return
        mine = test_ui.label_containing(ben.app, "Mine (ben)")
        theirs = test_ui.label_containing(ben.app, "Theirs (ana")
        check("the conflict's card names both authors",
              mine and theirs and on_screen(mine),
              f"{mine.name if mine else None!r}, {theirs.name if theirs else None!r}")
        both = [test_ui.label_containing(ben.app, words) for words in (BEN_EDIT, ANA_EDIT)]
        check("the card shows ben's version and ana's side by side", all(both),
              f"{mine.name if mine else None!r}: {text_of(both[0]) if both[0] else None!r}, "
              f"{theirs.name if theirs else None!r}: {text_of(both[1]) if both[1] else None!r}")
        shot("conflicts")
        click(keep_both)
        check("Keep Both resolves it: ben's header says Synced", wait(lambda: status_is(ben, "Synced"), STEP_LIMIT * 2),
              status(ben).name if status(ben) else "no status")
        open_article(ben, ferry)
        for m in (ben, ana):
            kept = wait(lambda: note_card(m, ANA_EDIT) and note_card(m, BEN_EDIT), STEP_LIMIT * 2)
            check(f"both versions are notes in {m.name}'s open article", kept)
    finally:
        for m in members:
            m.stop()
        server.close()
        if test_ui.APP_LOG:
            with open(test_ui.APP_LOG, "a") as out:
                for m in members:
                    if os.path.exists(m.log):
                        with open(m.log, errors="replace") as f:
                            out.write(f"--- {m.name}'s Dossier ---\n" + f.read())
        shutil.rmtree(work, ignore_errors=True)


def main_or_skip():
    main()
    if SKIP and not test_ui.results:
        try:
            tap = os.fdopen(3, "w")
        except OSError:
            tap = sys.stdout
        print(f"1..0 # SKIP {SKIP[0]}", file=tap)
        tap.flush()
        sys.exit(0)


if __name__ == "__main__":
    test_ui.run(main_or_skip)
