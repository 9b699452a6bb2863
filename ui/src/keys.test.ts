import { describe, expect, it } from "vitest";
import { MENU_ITEMS, type MenuAction } from "./bindings";
import { bindShortcuts, parseAccelerator, shortcutFor } from "./keys";

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe("parseAccelerator", () => {
  it("reads the menu's accelerator syntax", () => {
    expect(parseAccelerator("CmdOrCtrl+Shift+P")).toEqual({ key: "p", mod: true, shift: true, alt: false });
    expect(parseAccelerator("Shift+F8")).toEqual({ key: "f8", mod: false, shift: true, alt: false });
    expect(parseAccelerator("F2")).toEqual({ key: "f2", mod: false, shift: false, alt: false });
  });
});

describe("shortcutFor", () => {
  it("knows each menu shortcut with Ctrl or Cmd", () => {
    expect(shortcutFor(key("s", { ctrl: true }))).toBe("save");
    expect(shortcutFor(key("S", { meta: true }))).toBe("save");
    expect(shortcutFor(key("P", { ctrl: true, shift: true }))).toBe("togglePreview");
    expect(shortcutFor(key("F8"))).toBe("nextProblem");
    expect(shortcutFor(key("F8", { shift: true }))).toBe("previousProblem");
    expect(shortcutFor(key("f", { ctrl: true }))).toBe("find");
    expect(shortcutFor(key("F2"))).toBe("renameDraft");
    expect(shortcutFor(key("F2", { ctrl: true }))).toBeNull();
  });

  it("ignores plain typing, other chords, and Quit, which only the menu acts on", () => {
    expect(shortcutFor(key("s"))).toBeNull();
    expect(shortcutFor(key("p", { ctrl: true, alt: true }))).toBeNull();
    expect(shortcutFor(key("s", { ctrl: true, shift: true }))).toBeNull();
    expect(shortcutFor(key("x", { ctrl: true }))).toBeNull();
    expect(shortcutFor(key("q", { ctrl: true }))).toBeNull();
  });

  it("covers every menu item the web view acts on", () => {
    for (const item of MENU_ITEMS.filter((i) => i.webview && i.accelerator)) {
      const chord = parseAccelerator(item.accelerator!);
      const event = key(chord.key, { ctrl: chord.mod, shift: chord.shift, alt: chord.alt });
      expect(shortcutFor(event)).toBe(item.action);
    }
  });
});

describe("bindShortcuts", () => {
  function press(init: KeyboardEventInit, before?: (e: KeyboardEvent) => void): { ran: MenuAction[]; prevented: boolean } {
    const ran: MenuAction[] = [];
    const doc = document.implementation.createHTMLDocument("keys");
    if (before) doc.addEventListener("keydown", before, true);
    bindShortcuts(doc, (action) => ran.push(action));
    const event = new KeyboardEvent("keydown", { ...init, bubbles: true, cancelable: true });
    doc.body.dispatchEvent(event);
    return { ran, prevented: event.defaultPrevented };
  }

  it("runs a shortcut once and takes the key from the engine", () => {
    expect(press({ key: "s", ctrlKey: true })).toEqual({ ran: ["save"], prevented: true });
  });

  it("leaves a key someone already handled, such as the editor's own Find", () => {
    expect(press({ key: "f", ctrlKey: true }, (e) => e.preventDefault())).toEqual({ ran: [], prevented: true });
  });

  it("lets ordinary keys through", () => {
    expect(press({ key: "s" })).toEqual({ ran: [], prevented: false });
  });
});
