import { describe, expect, it, vi } from "vitest";
import { fill, h } from "./dom";

describe("h", () => {
  it("keeps hostile text as text", () => {
    const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const el = h("p", { title: payload }, payload);
    expect(el.textContent).toBe(payload);
    expect(el.querySelector("img, script")).toBeNull();
    expect(el.getAttribute("title")).toBe(payload);
  });

  it("binds listeners and skips empty children and false attributes", () => {
    const onclick = vi.fn();
    const el = h("button", { onclick, disabled: false, "data-testid": "x" }, null, "Go", false, 3);
    el.click();
    expect(onclick).toHaveBeenCalledOnce();
    expect(el.hasAttribute("disabled")).toBe(false);
    expect(el.dataset.testid).toBe("x");
    expect(el.textContent).toBe("Go3");
  });

  it("fill replaces children", () => {
    const parent = h("div", {}, "old");
    fill(parent, h("span", {}, "new"), undefined);
    expect(parent.innerHTML).toBe("<span>new</span>");
  });
});
