// Help → Keyboard Shortcuts: every shortcut, listed from the menu's own
// table (MENU_ITEMS), so the list cannot disagree with the menu or the keys.
import { MENU_ITEMS } from "./bindings";
import { ask } from "./dialog";
import { h } from "./dom";

type Platform = "mac" | "other";

/** An accelerator as this platform writes it: "CmdOrCtrl+S" is ⌘S on a Mac, Ctrl+S elsewhere. */
export function keyLabel(accelerator: string, platform: Platform): string {
  const parts = accelerator.split("+").map((part) => {
    if (part === "CmdOrCtrl") return platform === "mac" ? "⌘" : "Ctrl";
    if (part === "Shift") return platform === "mac" ? "⇧" : "Shift";
    if (part === "Alt") return platform === "mac" ? "⌥" : "Alt";
    return part;
  });
  return parts.join(platform === "mac" ? "" : "+");
}

/** The shortcuts as a table: what each does, and its keys. */
export function shortcutTable(platform: Platform): HTMLElement {
  const rows = MENU_ITEMS.filter((item) => item.accelerator).map((item) =>
    h("tr", { "data-testid": "shortcut-row" }, h("th", { scope: "row" }, item.label.replace(/…$/, "")), h("td", {}, h("kbd", {}, keyLabel(item.accelerator ?? "", platform)))),
  );
  return h("table", { class: "shortcuts", "data-testid": "shortcuts-table" }, h("caption", {}, "Menu commands"), h("tbody", {}, ...rows));
}

export function currentPlatform(): Platform {
  return /Mac/.test(navigator.platform) ? "mac" : "other";
}

export async function showShortcuts(): Promise<void> {
  await ask({
    title: "Keyboard shortcuts",
    body: [shortcutTable(currentPlatform()), h("p", {}, "In the editor: F8 and Shift+F8 step through the problems; Ctrl+] and Ctrl+[ indent and outdent; Ctrl+Z undoes, Ctrl+Shift+Z redoes; Tab moves on to the next control; Escape closes a dialog.")],
    choices: [{ value: "close", label: "Close", testid: "shortcuts-close", primary: true }],
    cancel: "close",
    testid: "shortcuts-dialog",
  });
}
