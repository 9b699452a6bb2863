import { describe, expect, it } from "vitest";
import { countWords, draftFolder, draftTitle, formatBytes, formatModified, reviewSummary } from "./format";

describe("formatBytes", () => {
  it("switches units at 1024", () => {
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1024)).toBe("1.0 KB");
    expect(formatBytes(50 * 1024 * 1024)).toBe("50.0 MB");
  });
});

describe("formatModified", () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  it("is relative for recent changes", () => {
    expect(formatModified(now - 10_000, now)).toBe("just now");
    expect(formatModified(now - 5 * 60_000, now)).toBe("5 min ago");
    expect(formatModified(now - 3 * 3_600_000, now)).toBe("3 h ago");
  });
  it("is a date for older ones", () => {
    expect(formatModified(now - 40 * 86_400_000, now)).toMatch(/2026/);
  });
});

describe("countWords", () => {
  it("counts words in any script, with apostrophes and hyphens inside words", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("It's a well-known fact — 42 customers.")).toBe(6);
    expect(countWords("Café 北京 مرحبا")).toBe(3);
    expect(countWords("# Heading\n\n- item one\n- item two")).toBe(5);
  });
});

describe("draft names", () => {
  it("drops the extension and splits the folder", () => {
    expect(draftTitle("q3/launch/Lumen Pocket.md")).toBe("Lumen Pocket");
    expect(draftTitle("NOTES.MARKDOWN")).toBe("NOTES");
    expect(draftFolder("q3/launch/Lumen Pocket.md")).toBe("q3/launch");
    expect(draftFolder("top.md")).toBe("");
  });
});

describe("reviewSummary", () => {
  it("names what the review logs hold, and nothing for an unreviewed draft", () => {
    expect(reviewSummary({ openComments: 0, openSuggestions: 0, approvals: 0, changeRequests: 0 })).toBeNull();
    expect(reviewSummary({ openComments: 1, openSuggestions: 0, approvals: 0, changeRequests: 0 })).toBe("1 open comment");
    expect(reviewSummary({ openComments: 0, openSuggestions: 1, approvals: 0, changeRequests: 0 })).toBe("1 suggested edit");
    expect(reviewSummary({ openComments: 2, openSuggestions: 3, approvals: 1, changeRequests: 3 })).toBe("2 open comments · 3 suggested edits · 1 approval · 3 change requests");
  });
});
