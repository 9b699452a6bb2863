import { describe, expect, it } from "vitest";
import { h } from "./dom";
import { externalHref } from "./links";

const link = (href: string) => h("a", { href });

describe("externalHref", () => {
  it("lets web and mail links out", () => {
    expect(externalHref(link("https://example.com/launch?q=1"))).toBe("https://example.com/launch?q=1");
    expect(externalHref(link("mailto:pm@example.com"))).toBe("mailto:pm@example.com");
  });

  it("refuses scripts, files and anything relative", () => {
    for (const href of ["javascript:alert(1)", " javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "/local", "#top", "vbscript:x"]) {
      expect(externalHref(link(href)), href).toBeNull();
    }
  });
});
