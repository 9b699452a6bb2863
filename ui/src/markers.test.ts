import { describe, expect, it } from "vitest";
import { assignPart, blockStart, findMarkers, markerPart, markersAt, removeMarker, type TextChange } from "./markers";

/** `text` with `changes` applied (all in the original text's positions, as CodeMirror takes them). */
function apply(text: string, changes: TextChange[]): string {
  return [...changes].sort((a, b) => b.from - a.from).reduce((t, c) => t.slice(0, c.from) + c.insert + t.slice(c.to), text);
}

const draft = "# Acme ships\n\nIntro.\n\nPeople wait.\n\n## Solution\n\nIt is fast.\n";
const at = (text: string, s: string) => text.indexOf(s);

describe("markerPart", () => {
  it("reads a part as the lint does", () => {
    expect(markerPart("<!-- dateline: problem -->")).toBe("problem");
    expect(markerPart("<!--dateline: Leader Quote-->  ")).toBe("leader-quote");
    expect(markerPart("> <!-- dateline: customer_quote -->")).toBe("customer-quote");
    expect(markerPart("<!-- dateline: not a part -->")).toBe("other");
    expect(markerPart("<!-- dateline: none -->")).toBe("other");
  });

  it("is null for other comments and unknown parts", () => {
    expect(markerPart("<!-- dateline-disable-next-line jargon -->")).toBeNull();
    expect(markerPart("<!-- dateline: nonsense -->")).toBeNull();
    expect(markerPart("Text <!-- dateline: problem -->")).toBeNull();
  });
});

describe("assignPart", () => {
  it("writes the marker on its own line right before the block", () => {
    const changes = assignPart(draft, at(draft, "People") + 3, "problem");
    expect(apply(draft, changes)).toBe("# Acme ships\n\nIntro.\n\n<!-- dateline: problem -->\nPeople wait.\n\n## Solution\n\nIt is fast.\n");
  });

  it("writes it before a heading, for the heading and what is under it", () => {
    const out = apply(draft, assignPart(draft, at(draft, "## Solution"), "getting-started"));
    expect(out).toContain("\n\n<!-- dateline: getting-started -->\n## Solution\n");
  });

  it("replaces the marker already there instead of adding a second", () => {
    const marked = apply(draft, assignPart(draft, at(draft, "People"), "problem"));
    const changes = assignPart(marked, at(marked, "People"), "solution");
    expect(changes).toHaveLength(1);
    const out = apply(marked, changes);
    expect(out).toBe(draft.replace("People", "<!-- dateline: solution -->\nPeople"));
    expect(findMarkers(out)).toHaveLength(1);
  });

  it("changes nothing when the block is already marked so", () => {
    const marked = draft.replace("People", "<!-- dateline: problem -->\nPeople");
    expect(assignPart(marked, at(marked, "People"), "problem")).toEqual([]);
  });

  it("goes above a disable comment, which must stay right over its line", () => {
    const text = "Intro.\n\n<!-- dateline-disable-next-line jargon -->\nWe leverage it.\n";
    const out = apply(text, assignPart(text, at(text, "We"), "solution"));
    expect(out).toBe("Intro.\n\n<!-- dateline: solution -->\n<!-- dateline-disable-next-line jargon -->\nWe leverage it.\n");
    expect(markersAt(out, at(out, "We"))[0].part).toBe("solution");
  });

  it("keeps a quoted block's prefix, and works on the first line", () => {
    const text = "> “It works,” said Ann.\n";
    expect(apply(text, assignPart(text, 0, "customer-quote"))).toBe("> <!-- dateline: customer-quote -->\n> “It works,” said Ann.\n");
  });

  it("leaves one marker when a block had several", () => {
    const text = "<!-- dateline: problem -->\n<!-- dateline: summary -->\nPeople wait.\n";
    const out = apply(text, assignPart(text, at(text, "People"), "solution"));
    expect(out).toBe("<!-- dateline: solution -->\nPeople wait.\n");
  });
});

describe("removeMarker", () => {
  it("takes the marker line out, back to the text before it was marked", () => {
    const marked = apply(draft, assignPart(draft, at(draft, "People"), "other"));
    expect(apply(marked, removeMarker(marked, at(marked, "People") + 4))).toBe(draft);
  });

  it("does nothing on a block without a marker", () => {
    expect(removeMarker(draft, at(draft, "People"))).toEqual([]);
  });

  it("removes a marker the author wrote with a blank line after it", () => {
    const text = "<!-- dateline: problem -->\n\nPeople wait.\n";
    expect(apply(text, removeMarker(text, at(text, "People")))).toBe("\nPeople wait.\n");
  });

  it("removes a marker on the last line", () => {
    const text = "Intro.\n<!-- dateline: other -->";
    expect(apply(text, removeMarker(text, text.length))).toBe("Intro.");
  });
});

describe("findMarkers", () => {
  it("finds each marker with the line it applies to, skipping code blocks", () => {
    const text = "<!-- dateline: headline -->\n# Acme\n\n```\n<!-- dateline: problem -->\n```\n\n<!-- dateline: other -->\n| a | b |\n";
    const found = findMarkers(text);
    expect(found.map((m) => [m.part, m.block])).toEqual([
      ["headline", "# Acme"],
      ["other", "| a | b |"],
    ]);
    expect(found[0]).toMatchObject({ from: 0, end: 27, to: 28, target: 28, targetEnd: 34 });
  });
});

describe("blockStart", () => {
  it("finds the first line of the paragraph under the cursor", () => {
    const text = "# Title\n\nOne line\ntwo lines.\n\nNext.\n";
    expect(blockStart(text, at(text, "two") + 2)).toBe(at(text, "One"));
    expect(blockStart(text, at(text, "Title"))).toBe(0);
  });

  it("stops at a heading or a comment right above", () => {
    const text = "## Problem\nPeople wait.\n<!-- dateline-disable-next-line jargon -->\nWe leverage it.\n";
    expect(blockStart(text, at(text, "wait"))).toBe(at(text, "People"));
    expect(blockStart(text, at(text, "leverage"))).toBe(at(text, "We"));
  });

  it("is null on an empty line", () => {
    expect(blockStart("A.\n\nB.\n", 3)).toBeNull();
  });
});
