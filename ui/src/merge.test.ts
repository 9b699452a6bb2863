import { describe, expect, it } from "vitest";
import type { MergeChunk } from "./bindings";
import { minimalChange } from "./editor";
import { resolveMerge } from "./merge";

const chunks: MergeChunk[] = [
  { kind: "clean", text: "# Héadline 🚀\n", incoming: false },
  { kind: "clean", text: "Their new line.\n", incoming: true },
  { kind: "conflict", ours: "My ending.\n", theirs: "Their ending.\n" },
  { kind: "clean", text: "Tail.\n", incoming: false },
];

describe("resolveMerge", () => {
  it("keeps my side of a conflict by default and marks what came in", () => {
    const merged = resolveMerge(chunks, []);
    expect(merged.text).toBe("# Héadline 🚀\nTheir new line.\nMy ending.\nTail.\n");
    expect(merged.incoming.map((s) => merged.text.slice(s.from, s.to))).toEqual(["Their new line.\n"]);
  });

  it("takes theirs, or both in order, with UTF-16 spans the editor can use", () => {
    const theirs = resolveMerge(chunks, ["theirs"]);
    expect(theirs.text).toBe("# Héadline 🚀\nTheir new line.\nTheir ending.\nTail.\n");
    expect(theirs.incoming.map((s) => theirs.text.slice(s.from, s.to))).toEqual(["Their new line.\n", "Their ending.\n"]);
    const both = resolveMerge(chunks, ["both"]);
    expect(both.text).toContain("My ending.\nTheir ending.\n");
    const unterminated = resolveMerge([{ kind: "conflict", ours: "Mine", theirs: "Theirs\n" }], ["both"]);
    expect(unterminated.text).toBe("Mine\nTheirs\n");
  });
});

describe("minimalChange", () => {
  it("replaces only the part that differs", () => {
    expect(minimalChange("abc XYZ def", "abc 123 def")).toEqual({ from: 4, to: 7, insert: "123" });
    expect(minimalChange("same", "same")).toEqual({ from: 4, to: 4, insert: "" });
    expect(minimalChange("aaa", "aaaa")).toEqual({ from: 3, to: 3, insert: "a" });
    expect(minimalChange("", "new")).toEqual({ from: 0, to: 0, insert: "new" });
  });

  it("applied, gives the new text", () => {
    for (const [a, b] of [["hello world", "hello brave world"], ["xyz", ""], ["abab", "ab"], ["🚀a", "🚀b"]]) {
      const c = minimalChange(a, b);
      expect(a.slice(0, c.from) + c.insert + a.slice(c.to)).toBe(b);
    }
  });
});
