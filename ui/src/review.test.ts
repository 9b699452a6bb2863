import { describe, expect, it } from "vitest";
import type { ReviewView } from "./bindings";
import { alignedPosition, paneMarks, pickFrom, pickValue, sectionBadges } from "./review";

describe("version pickers", () => {
  it("round-trip every kind of pick through the option value", () => {
    for (const pick of [{ kind: "saved" }, { kind: "lastReviewed" }, { kind: "version", id: 7 }, { kind: "draft", id: 3 }] as const) {
      expect(pickFrom(pickValue(pick))).toEqual(pick);
    }
  });
});

describe("paneMarks", () => {
  it("marks changed and commented text, dropping empty or stale ranges", () => {
    const marks = paneMarks(
      [
        { from: 5, to: 9 },
        { from: 2, to: 2 },
        { from: 90, to: 120 },
      ],
      [{ from: 0, to: 3 }],
      "new",
      100,
    );
    const seen: [number, number, string][] = [];
    marks.between(0, 100, (from, to, deco) => {
      seen.push([from, to, String(deco.spec.class)]);
    });
    expect(seen).toEqual([
      [0, 3, "rv-commented"],
      [5, 9, "rv-ins"],
    ]);
  });
});

describe("alignedPosition", () => {
  const view = {
    sections: [
      { old: { from: 0, to: 100 }, new: { from: 0, to: 200 } },
      { old: { from: 100, to: 150 }, new: null },
      { old: { from: 150, to: 250 }, new: { from: 200, to: 250 } },
    ],
  } as unknown as ReviewView;

  it("keeps the same relative place inside aligned sections", () => {
    expect(alignedPosition(view, "old", 50)).toBe(100);
    expect(alignedPosition(view, "new", 100)).toBe(50);
    expect(alignedPosition(view, "old", 200)).toBe(225);
  });

  it("has no answer inside a section the other side lacks", () => {
    expect(alignedPosition(view, "old", 120)).toBeNull();
  });
});

describe("sectionBadges", () => {
  it("badges the first line of each changed section on the side that has it", () => {
    const text = "# Head\n\nIntro line\nmore\n\nMoved part\n";
    const view = {
      sections: [
        { status: "unchanged", old: { from: 0, to: 6 }, new: { from: 0, to: 6 } },
        { status: "modified", old: null, new: { from: 8, to: 23 } },
        { status: "moved", old: null, new: { from: 25, to: 35 } },
        { status: "removed", old: { from: 40, to: 50 }, new: null },
      ],
    } as unknown as ReviewView;
    const seen: [number, string][] = [];
    sectionBadges(view, "new", text).between(0, text.length, (from, _to, deco) => {
      seen.push([from, deco.spec.attributes["data-section-status"]]);
    });
    expect(seen).toEqual([
      [8, "edited"],
      [25, "moved"],
    ]);
  });
});
