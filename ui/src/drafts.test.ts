import { describe, expect, it } from "vitest";
import type { DraftSummary } from "./bindings";
import { filterByStatus, sortDrafts, statusesOf } from "./drafts";

function draft(id: number, title: string, status: string, score: number, modifiedMs: number): DraftSummary {
  return {
    id,
    relPath: `${title}.md`,
    name: title,
    title,
    owner: "",
    status,
    score,
    words: 0,
    problem: null,
    sizeBytes: 1,
    modifiedMs,
    conflicts: [],
    openComments: 0,
    approvals: 0,
    changeRequests: 0,
  };
}

const drafts = [draft(1, "Beta", "review", 40, 3), draft(2, "alpha 10", "", 90, 1), draft(3, "Alpha 9", "draft", 40, 2)];

describe("the drafts list", () => {
  it("sorts by each key, ties by title", () => {
    const ids = (key: Parameters<typeof sortDrafts>[1]) => sortDrafts(drafts, key).map((d) => d.id);
    expect(ids("modified")).toEqual([1, 3, 2]);
    expect(ids("title")).toEqual([3, 2, 1]);
    expect(ids("score")).toEqual([2, 3, 1]);
    expect(ids("status")).toEqual([3, 1, 2]);
  });

  it("filters by status, case-insensitively, and lists the statuses present", () => {
    expect(filterByStatus(drafts, "REVIEW").map((d) => d.id)).toEqual([1]);
    expect(filterByStatus(drafts, "")).toHaveLength(3);
    expect(statusesOf(drafts)).toEqual(["draft", "review"]);
  });
});
