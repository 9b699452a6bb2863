import { describe, expect, it } from "vitest";
import type { MenuAction } from "./bindings";
import { ECHO_MS, MenuRouter, shortcutFor } from "./menu";

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

function router() {
  let clock = 0;
  const ran: MenuAction[] = [];
  const record = (a: MenuAction) => () => void ran.push(a);
  const actions = {
    newDraft: record("newDraft"),
    renameDraft: record("renameDraft"),
    openFolder: record("openFolder"),
    save: record("save"),
    export: record("export"),
    find: record("find"),
    nextProblem: record("nextProblem"),
    previousProblem: record("previousProblem"),
    togglePreview: record("togglePreview"),
    quit: record("quit"),
  } satisfies Record<MenuAction, () => void>;
  const r = new MenuRouter(actions, () => clock);
  return { r, ran, tick: (ms: number) => (clock += ms) };
}

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

  it("ignores plain typing and other chords", () => {
    expect(shortcutFor(key("s"))).toBeNull();
    expect(shortcutFor(key("s", { ctrl: true, alt: true }))).toBeNull();
    expect(shortcutFor(key("s", { ctrl: true, shift: true }))).toBeNull();
    expect(shortcutFor(key("x", { ctrl: true }))).toBeNull();
    expect(shortcutFor(key("q", { ctrl: true }))).toBeNull();
  });
});

describe("MenuRouter", () => {
  it("runs a clicked menu item", () => {
    const { r, ran } = router();
    r.fromMenu("export");
    expect(ran).toEqual(["export"]);
  });

  it("always runs Quit, whose key the web view does not handle", () => {
    const { r, ran } = router();
    r.noteKey(key("q", { ctrl: true }));
    r.fromMenu("quit");
    expect(ran).toEqual(["quit"]);
  });

  it("drops the menu's echo of a shortcut the web view handled", () => {
    const { r, ran, tick } = router();
    r.noteKey(key("s", { ctrl: true }));
    tick(5);
    r.fromMenu("save");
    expect(ran).toEqual([]);
    r.fromMenu("save");
    expect(ran).toEqual(["save"]);
  });

  it("runs the item when the key press is old or was another shortcut", () => {
    const { r, ran, tick } = router();
    r.noteKey(key("s", { ctrl: true }));
    tick(ECHO_MS + 1);
    r.fromMenu("save");
    r.noteKey(key("e", { ctrl: true }));
    r.fromMenu("save");
    expect(ran).toEqual(["save", "save"]);
  });
});
