import { describe, expect, it } from "vitest";
import { MENU_ITEMS } from "./bindings";
import { keyLabel, shortcutTable } from "./shortcuts";

describe("the shortcuts list", () => {
  it("lists every menu item with its accelerator, from the menu's table", () => {
    const rows = [...shortcutTable("other").querySelectorAll('[data-testid="shortcut-row"]')].map((r) => r.textContent);
    const keyed = MENU_ITEMS.filter((item) => item.accelerator);
    expect(rows).toHaveLength(keyed.length);
    for (const item of keyed) {
      expect(rows).toContain(`${item.label.replace(/…$/, "")}${keyLabel(item.accelerator!, "other")}`);
    }
  });

  it("writes keys the way each platform does", () => {
    expect(keyLabel("CmdOrCtrl+Shift+P", "other")).toBe("Ctrl+Shift+P");
    expect(keyLabel("CmdOrCtrl+Shift+P", "mac")).toBe("⌘⇧P");
    expect(keyLabel("F2", "mac")).toBe("F2");
  });
});
