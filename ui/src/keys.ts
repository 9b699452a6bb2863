// The window's keyboard shortcuts, read from the menu's own table
// (MENU_ITEMS in the bindings, generated from ITEMS in src-tauri/menu.rs),
// so the menu's accelerators and the keys the web view acts on cannot drift.
//
// One key press acts once, without timers: where the platform gives the
// shortcut to the native menu first (GTK), the web view never sees it; where
// the web view sees it first (WebKit on macOS, WebView2), the handler below
// calls preventDefault, which tells the engine the key is taken, so the menu
// does not act on it too. A key the editor already handled (CodeMirror's
// own Find and F8) is left alone.
import { MENU_ITEMS, type MenuAction } from "./bindings";

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** A parsed accelerator such as "CmdOrCtrl+Shift+P". */
interface Chord {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

export function parseAccelerator(accelerator: string): Chord {
  const parts = accelerator.split("+");
  const key = (parts.pop() ?? "").toLowerCase();
  const has = (name: string) => parts.includes(name);
  return { key, mod: has("CmdOrCtrl"), shift: has("Shift"), alt: has("Alt") };
}

function matches(chord: Chord, event: KeyLike): boolean {
  return (
    event.key.toLowerCase() === chord.key &&
    (event.ctrlKey || event.metaKey) === chord.mod &&
    event.shiftKey === chord.shift &&
    event.altKey === chord.alt
  );
}

const CHORDS = MENU_ITEMS.map((item) => ({ action: item.action, chord: parseAccelerator(item.accelerator), webview: item.webview }));

/** The menu action whose shortcut `event` is, if the web view acts on it itself. */
export function shortcutFor(event: KeyLike): MenuAction | null {
  return CHORDS.find((c) => c.webview && matches(c.chord, event))?.action ?? null;
}

/** Runs the menu action of each shortcut pressed in the web view. */
export function bindShortcuts(target: Document, run: (action: MenuAction) => void): void {
  target.addEventListener("keydown", (event) => {
    if (event.defaultPrevented) return;
    const action = shortcutFor(event);
    if (!action) return;
    event.preventDefault();
    run(action);
  });
}
