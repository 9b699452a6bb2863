// The native menu's actions (src-tauri/menu.rs). A menu item arrives as a
// `menu` event; where the platform also delivers the item's shortcut to the
// web view, which handles it itself, the event is an echo and is dropped, so
// one key press never acts twice.
import type { MenuAction } from "./bindings";

/** A menu event this soon after the web view saw the same shortcut is its echo. */
export const ECHO_MS = 150;

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/**
 * The menu action a key press is the shortcut of, when the web view also
 * handles that key itself (see ITEMS in menu.rs). Quit is not here: only the
 * menu acts on it, so its event is never an echo.
 */
export function shortcutFor(event: KeyLike): MenuAction | null {
  if (event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "f8" && !(event.ctrlKey || event.metaKey)) return event.shiftKey ? "previousProblem" : "nextProblem";
  if (key === "f2" && !(event.ctrlKey || event.metaKey || event.shiftKey)) return "renameDraft";
  if (!(event.ctrlKey || event.metaKey)) return null;
  if (event.shiftKey) return key === "p" ? "togglePreview" : null;
  const plain: Record<string, MenuAction> = { n: "newDraft", o: "openFolder", s: "save", e: "export", f: "find" };
  return plain[key] ?? null;
}

export class MenuRouter {
  private lastKey: { action: MenuAction; at: number } | null = null;

  constructor(
    private readonly actions: Record<MenuAction, () => void>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Notes a shortcut the web view is about to handle itself. */
  noteKey(event: KeyLike): void {
    const action = shortcutFor(event);
    if (action) this.lastKey = { action, at: this.now() };
  }

  /** Runs a menu item, unless it is the echo of a shortcut already handled. */
  fromMenu(action: MenuAction): void {
    const echo = this.lastKey?.action === action && this.now() - this.lastKey.at < ECHO_MS;
    this.lastKey = null;
    if (!echo) this.actions[action]();
  }
}
