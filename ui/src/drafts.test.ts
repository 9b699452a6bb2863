import { describe, expect, it, vi } from "vitest";
import type { DraftSummary, FolderListing } from "./bindings";
import { DraftList, type DraftListActions } from "./drafts";

function draft(id: number, title: string, status: string): DraftSummary {
  return {
    id,
    relPath: `${title}.md`,
    name: title,
    title,
    owner: "",
    status,
    score: 50,
    words: 0,
    problem: null,
    sizeBytes: 1,
    modifiedMs: 1,
    conflicts: [],
    openComments: 0,
    approvals: 0,
    changeRequests: 0,
    openSuggestions: 0,
  };
}

function listing(over: Partial<FolderListing> = {}): FolderListing {
  return {
    folder: { id: 1, name: "drafts", path: "/drafts", exists: true },
    drafts: [draft(3, "Zebra", "review"), draft(1, "Alpha", "draft")],
    total: 2,
    count: 2,
    statuses: ["draft", "In Review"],
    query: { sort: "modified", status: "", limit: 400 },
    deleted: [],
    skipped: [],
    configProblems: [],
    ...over,
  };
}

function setup() {
  const actions: DraftListActions = { open: vi.fn(), query: vi.fn(), mergeCopy: vi.fn(), restoreDeleted: vi.fn(), search: vi.fn(async () => []), report: vi.fn() };
  const list = new DraftList(actions);
  return { list, actions, el: list.el };
}

const titles = (el: HTMLElement) => [...el.querySelectorAll('[data-testid="draft-item-title"]')].map((e) => e.textContent);

describe("the drafts list", () => {
  it("shows the rows in the order the backend sent them, and the query it answers", () => {
    const { list, el } = setup();
    list.show(listing({ query: { sort: "title", status: "in review", limit: 400 } }));
    expect(titles(el)).toEqual(["Zebra", "Alpha"]);
    expect((el.querySelector('[data-testid="sort-drafts"]') as HTMLSelectElement).value).toBe("title");
    const status = el.querySelector('[data-testid="status-filter"]') as HTMLSelectElement;
    expect([...status.options].map((o) => o.value)).toEqual(["", "draft", "In Review"]);
    expect(status.value).toBe("In Review");
    expect(el.querySelector('[data-testid="show-more"]')).toBeNull();
  });

  it("asks for another order or filter from the first page", () => {
    const { list, el, actions } = setup();
    list.show(listing({ query: { sort: "modified", status: "", limit: 2400 } }));
    const sort = el.querySelector('[data-testid="sort-drafts"]') as HTMLSelectElement;
    sort.value = "score";
    sort.dispatchEvent(new Event("change"));
    expect(actions.query).toHaveBeenLastCalledWith({ sort: "score", status: "", limit: 400 });
    const status = el.querySelector('[data-testid="status-filter"]') as HTMLSelectElement;
    status.value = "draft";
    status.dispatchEvent(new Event("change"));
    expect(actions.query).toHaveBeenLastCalledWith({ sort: "modified", status: "draft", limit: 400 });
  });

  it("redraws on a refresh only the rows whose draft changed, and keeps the open one marked", () => {
    const { list, el } = setup();
    const rowOf = (title: string) => [...el.querySelectorAll<HTMLElement>('[data-testid="draft-item"]')].find((b) => b.textContent?.startsWith(title));
    list.show(listing());
    list.setActive(1);
    const [zebra, alpha] = [rowOf("Zebra"), rowOf("Alpha")];
    const renamed = { ...draft(3, "Zebra", "review"), title: "Zebra, renamed" };
    list.show(listing({ drafts: [draft(1, "Alpha", "draft"), renamed] }));
    expect(titles(el)).toEqual(["Alpha", "Zebra, renamed"]);
    expect(rowOf("Alpha")).toBe(alpha);
    expect(rowOf("Zebra, renamed")).not.toBe(zebra);
    list.setActive(3);
    list.show(listing({ drafts: [draft(1, "Alpha", "draft"), renamed] }));
    expect(rowOf("Alpha")).toBe(alpha);
    expect(alpha?.classList.contains("active")).toBe(false);
    expect(rowOf("Zebra, renamed")?.classList.contains("active")).toBe(true);
  });

  it("offers the rows not sent yet, and asks for them in the same order", () => {
    const { list, el, actions } = setup();
    list.show(listing({ total: 10_002, query: { sort: "score", status: "draft", limit: 2 } }));
    const more = el.querySelector('[data-testid="show-more"]') as HTMLElement;
    expect(more.textContent).toBe(`Show ${(2000).toLocaleString()} more of ${(10_000).toLocaleString()}`);
    more.click();
    expect(actions.query).toHaveBeenCalledWith({ sort: "score", status: "draft", limit: 2002 });
  });
});
