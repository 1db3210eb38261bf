#!/usr/bin/python3
"""The app as a screen reader (Orca) sees it: its AT-SPI tree read from outside the process.

Run inside its own `dbus-run-session` on a display (Xvfb): starts the real server-stub with a
seeded user, the real app on that user's registration link, and checks every screen it reaches
through AT-SPI, then registers and signs in with the keyboard only (xdotool). One app, one
session, for every check, to keep the run short.

usage: atspi_journey.py APP STUB
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi
from gi.repository import GLib

PASSWORD = "Quiet-Lantern-Harbour-47"
TIMEOUT = 20.0
FOCUSABLE_ROLES = {
    "push button", "check box", "text", "password text", "entry", "radio button", "combo box",
}

failures = []
events = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def pump(seconds=0.05):
    end = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.01)


def wait_for(what, probe, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        pump()
        try:
            found = probe()
        except Exception:  # the tree changes under us while a screen is built
            found = None
        if found:
            return found
    raise SystemExit(f"timed out waiting for {what}")


def walk(node):
    """Depth-first, in the tree's own order: the order a screen reader reads."""
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def showing(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)


def shown_nodes(window):
    return [n for n in walk(window) if showing(n)]


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and "cqrs" in (app.name or "").lower():
            return app
    return None


def main_window(app):
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is not None and window.name.endswith("CQRS Desktop"):
            return window
    return None


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return ""


def screen_title(window):
    return window.name.rsplit(" - CQRS Desktop", 1)[0]


def check_screen(window):
    title = screen_title(window)
    nodes = shown_nodes(window)
    focusable = [n for n in nodes if n.getState().contains(pyatspi.STATE_FOCUSABLE)
                 and n.getRoleName() in FOCUSABLE_ROLES]
    check(len(focusable) > 0, f"{title}: has focusable controls")
    # Every Tab stop, whatever its role (an unnamed scrolling "filler" once was one).
    for node in (n for n in nodes if n.getState().contains(pyatspi.STATE_FOCUSABLE)):
        check(bool(node.name.strip()), f"{title}: {node.getRoleName()} has a name ({node.name!r})")
    headings = [n for n in nodes if n.getRoleName() == "heading"]
    check(len(headings) == 1, f"{title}: the page title is a heading")
    if headings:
        # The header's "Need help?" comes first, as it is drawn; the fields come after the title.
        first_field = next((i for i, n in enumerate(nodes) if n.getRoleName() in
                            ("text", "password text", "check box")), len(nodes))
        check(nodes.index(headings[0]) < first_field,
              f"{title}: the heading is read before the fields")
    return nodes


def listen():
    def record(event):
        events.append((event.type, str(event.any_data), event.source_name or ""))
    pyatspi.Registry.registerEventListener(
        record, "object:property-change:accessible-name", "object:text-changed",
        "object:property-change:accessible-description", "object:announcement",
        "object:state-changed:showing")


def never_in_clear(window, what):
    for node in walk(window):
        for attribute in (node.name, node.description, text_of(node)):
            if PASSWORD[:8] in (attribute or ""):
                check(False, f"{what}: the password is readable by assistive technology "
                             f"({node.getRoleName()})")
                return
    # Typing sends one event per character, so look at them strung together too.
    typed = "".join(e[1] for e in events if e[0].startswith("object:text-changed:insert"))
    leaked = [e for e in events if PASSWORD[:8] in e[1]]
    check(not leaked and PASSWORD[:8] not in typed,
          f"{what}: no accessible event carries the password")


def key(*keys):
    subprocess.run(["xdotool", "key", "--delay", "30", *keys], check=True)
    pump(0.2)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
    pump(0.2)


def focused(window):
    """The control with the keyboard (a screen's focus proxy says it is focused too)."""
    return next((n for n in shown_nodes(window) if n.getState().contains(pyatspi.STATE_FOCUSED)
                 and n.getRoleName() in FOCUSABLE_ROLES), None)


def start_stub(stub, work):
    log = open(os.path.join(work, "server.log"), "w+")
    process = subprocess.Popen(
        [stub, "serve", "--db", os.path.join(work, "cqrs.db"), "--outbox",
         os.path.join(work, "outbox"), "--listen", "127.0.0.1:0", "--dev"],
        stdout=log, stderr=subprocess.STDOUT)
    def url():
        log.seek(0)
        match = re.search(r"^listening on (\S+)", log.read(), re.M)
        return match.group(1) if match else None
    return process, wait_for("the server-stub", url)


def main():
    app_binary, stub_binary = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="cqrs-a11y.")
    processes = []
    try:
        stub, url = start_stub(stub_binary, work)
        processes.append(stub)
        demo = subprocess.run(
            [stub_binary, "demo", "--db", os.path.join(work, "cqrs.db"), "--outbox",
             os.path.join(work, "outbox"), "--public-url", url],
            check=True, capture_output=True, text=True).stdout
        link = re.search(r"^cqrs://register\?token=\S+", demo, re.M).group(0)

        env = dict(os.environ)
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                     "XDG_RUNTIME_DIR"):
            env[name] = os.path.join(work, name.lower())
            os.makedirs(env[name], mode=0o700, exist_ok=True)
        env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   CQRS_DESKTOP_INSTANCE=os.path.join(work, "instance"))
        listen()
        processes.append(subprocess.Popen([app_binary, "--server", url, "--", link], env=env))

        app = wait_for("the app on the accessibility bus", find_app)
        window = wait_for("the Security Information screen",
                          lambda: (w := main_window(app)) and
                          w.name.startswith("Security Information") and w)
        # The window must have the keyboard for a keyboard-only run.
        # There is no window manager on Xvfb to give it.
        ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "CQRS Desktop"],
                             check=True, capture_output=True, text=True).stdout.split()
        subprocess.run(["xdotool", "windowfocus", ids[0]], check=True)
        pump(0.5)

        nodes = check_screen(window)
        roles = {n.name: n.getRoleName() for n in nodes
                 if n.getState().contains(pyatspi.STATE_FOCUSABLE)}
        check(roles.get("New password") == "password text", "new password is password text")
        check(roles.get("Confirm new password") == "password text",
              "confirmation is password text")
        rules = [n for n in nodes if n.getRoleName() in ("label", "static")
                 and n.name.startswith(("\u25CB", "\u2714", "\u2718"))]
        check(len(rules) >= 3, f"the checklist's rules are in the tree ({len(rules)})")

        # Keyboard only from here: the new password field has the focus.
        wait_for("focus in the new password field",
                 lambda: (f := focused(window)) and f.name == "New password")
        type_text(PASSWORD)
        key("Tab")
        type_text(PASSWORD)
        nodes = shown_nodes(window)
        met = [n.name for n in nodes if n.name.startswith("\u2714 Met:")]
        not_met = [n.name for n in nodes if n.name.startswith("\u2718 Not met:")]
        check(len(met) >= 3 and not not_met,
              f"checklist items say met / not met in their names ({len(met)} met)")
        key("Tab")
        check((f := focused(window)) is not None and f.getRoleName() == "check box",
              "Tab reaches Show passwords")
        key("space")
        never_in_clear(window, "with Show passwords")
        key("space")
        never_in_clear(window, "with the passwords hidden")

        before = len(events)
        key("Tab")
        check((f := focused(window)) is not None and f.getRoleName() == "push button"
              and "Register" in f.name, "Tab reaches Register")
        key("Return")
        window = wait_for("the Sign in screen",
                          lambda: (w := main_window(app)) and w.name.startswith("Sign in") and w)
        status = wait_for("the status message",
                          lambda: next((n for n in shown_nodes(window)
                                        if "registered" in n.name.lower()), None))
        check(status is not None, f"the outcome is in the tree: {status.name!r}")
        announced = [e for e in events[before:] if "registered" in e[1].lower()]
        check(bool(announced), "the outcome was announced by an accessible event")

        check_screen(window)
        nodes = shown_nodes(window)
        roles = {n.name: n.getRoleName() for n in nodes
                 if n.getState().contains(pyatspi.STATE_FOCUSABLE)}
        check(roles.get("Password") == "password text", "sign-in password is password text")

        # Sign in with the keyboard: the User ID is offered, the password field focused.
        wait_for("focus in the password field",
                 lambda: (f := focused(window)) and f.name == "Password")
        type_text(PASSWORD)
        key("Return")
        window = wait_for("the Signed in screen",
                          lambda: (w := main_window(app)) and w.name.startswith("Signed in") and w)
        check_screen(window)
        never_in_clear(window, "after signing in")

        # An error is exposed and announced: sign out, then sign in with nothing typed.
        key("Tab")
        wait_for("Sign out focused",
                 lambda: (f := focused(window)) and "Sign out" in f.name)
        key("space")
        window = wait_for("the Sign in screen again",
                          lambda: (w := main_window(app)) and w.name.startswith("Sign in") and w)
        wait_for("focus in the User ID field",
                 lambda: (f := focused(window)) and f.name == "User ID")
        before = len(events)
        key("Return")
        error = wait_for("the error message",
                         lambda: next((n for n in shown_nodes(window)
                                       if "Enter your User ID and password" in n.name), None))
        check(error is not None, "an error is exposed in the tree")
        check(any("Enter your User ID" in e[1] for e in events[before:]),
              "the error was announced by an accessible event")
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
