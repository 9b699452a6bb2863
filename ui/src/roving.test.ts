import { describe, expect, it } from "vitest";
import { h } from "./dom";
import { arrowNavigation } from "./roving";

describe("arrowNavigation", () => {
  it("moves focus among the items with the arrows, Home and End, and leaves other keys alone", () => {
    const items = ["a", "b", "c"].map((id) => h("button", { class: "item", id }, id));
    const list = h("ul", {}, ...items.map((b) => h("li", {}, b, h("button", { class: "other" }, "x"))));
    document.body.append(list);
    arrowNavigation(list, ".item");
    const press = (key: string) => {
      const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
      document.activeElement!.dispatchEvent(event);
      return event.defaultPrevented;
    };
    items[0].focus();
    expect(press("ArrowDown")).toBe(true);
    expect(document.activeElement).toBe(items[1]);
    press("End");
    expect(document.activeElement).toBe(items[2]);
    press("ArrowDown");
    expect(document.activeElement).toBe(items[2]);
    press("Home");
    expect(document.activeElement).toBe(items[0]);
    expect(press("a")).toBe(false);
    list.remove();
  });
});
