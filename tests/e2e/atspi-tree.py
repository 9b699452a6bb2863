# Prints, as JSON, the AT-SPI tree that an application exposes to screen
# readers: what Orca would find, read from the same accessibility bus.
# With --additions, instead prints (a JSON line each, until killed) every
# element added anywhere, with its text and its parent's role and live
# setting: an addition to a live region is what a screen reader announces.
# Usage: atspi-tree.py APP-NAME | atspi-tree.py --additions
#        (on the session bus in DBUS_SESSION_BUS_ADDRESS)
import json
import sys

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

STATES = (Atspi.StateType.FOCUSED, Atspi.StateType.FOCUSABLE, Atspi.StateType.EDITABLE, Atspi.StateType.SELECTED)


def describe(node, depth):
    entry = {"depth": depth, "role": node.get_role_name(), "name": node.get_name() or ""}
    value = node.get_value_iface()
    if value is not None:
        entry["value"] = value.get_current_value()
    states = node.get_state_set()
    entry["states"] = [state.value_nick for state in STATES if states.contains(state)]
    return entry


def walk(node, depth, out):
    out.append(describe(node, depth))
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            walk(child, depth + 1, out)


def text_of(node):
    text = node.get_text_iface()
    return text.get_text(0, text.get_character_count()) if text is not None else node.get_name() or ""


def on_added(event):
    child = event.any_data
    if event.source is None or not hasattr(child, "get_role_name"):
        return
    try:
        attributes = event.source.get_attributes() or {}
        added = {"region": event.source.get_role_name(), "live": attributes.get("live", ""), "text": text_of(child)}
    except GLib.Error:
        return  # gone already: the page redrew that part
    print(json.dumps(added), flush=True)


def listen():
    listener = Atspi.EventListener.new(on_added)
    listener.register("object:children-changed:add")
    print(json.dumps({"listening": True}), flush=True)
    Atspi.event_main()


def main():
    if sys.argv[1] == "--additions":
        return listen()
    desktop = Atspi.get_desktop(0)
    apps = [desktop.get_child_at_index(i) for i in range(desktop.get_child_count())]
    out = []
    for app in apps:
        if app is not None and app.get_name() == sys.argv[1]:
            walk(app, 0, out)
    json.dump(out, sys.stdout)


main()
