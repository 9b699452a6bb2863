import { describe, expect, it, vi } from "vitest";
import type { SuggestionRow } from "./bindings";
import { suggestionList, type SuggestionActions } from "./suggestion-cards";

const row = (over: Partial<SuggestionRow>): SuggestionRow => ({
  id: "s1",
  author: "Ana Ruiz",
  reviewer: "ana",
  atMs: 1,
  kind: "replace",
  before: "big",
  after: "compact",
  note: null,
  status: "open",
  anchor: { from: 3, to: 6 },
  overlaps: [],
  conflictedBy: null,
  decidedBy: null,
  reply: null,
  fixes: [],
  introduces: [],
  ...over,
});

const actions = (): SuggestionActions => ({ accept: vi.fn(), reject: vi.fn(), acceptAll: vi.fn(), rejectAll: vi.fn(), show: vi.fn(), refresh: vi.fn(), suggest: vi.fn() });

const button = (root: HTMLElement, card: string, testid: string) =>
  root.querySelector<HTMLButtonElement>(`[data-suggestion-id="${card}"] [data-testid="${testid}"]`);

describe("suggestion cards", () => {
  it("offers Accept and Reject on an open one, only Dismiss on one that can no longer be taken", () => {
    const act = actions();
    const rows = [row({}), row({ id: "s2", after: "huge", status: "conflicting", conflictedBy: "s1" }), row({ id: "s3", status: "orphaned", anchor: null })];
    const root = suggestionList(rows, act);
    expect(button(root, "s1", "suggestion-accept")).not.toBeNull();
    expect(button(root, "s1", "suggestion-reject")?.textContent).toBe("Reject");
    for (const id of ["s2", "s3"]) {
      expect(button(root, id, "suggestion-accept")).toBeNull();
      expect(button(root, id, "suggestion-reject")?.textContent).toBe("Dismiss");
    }
    button(root, "s2", "suggestion-reject")!.click();
    expect(act.reject).toHaveBeenCalledWith(rows[1]);
  });

  it("leaves answered ones without buttons and lists undecided ones first", () => {
    const root = suggestionList([row({ id: "done", status: "accepted", decidedBy: "Ava" }), row({ id: "gone", status: "orphaned", anchor: null })], actions());
    expect(root.querySelector('[data-suggestion-id="done"] button.primary')).toBeNull();
    expect(button(root, "done", "suggestion-reject")).toBeNull();
    expect([...root.querySelectorAll("[data-suggestion-id]")].map((el) => el.getAttribute("data-suggestion-id"))).toEqual(["gone", "done"]);
  });

  it("has a Suggest edit button, with suggestions or without", () => {
    for (const rows of [[], [row({})]]) {
      const act = actions();
      suggestionList(rows, act).querySelector<HTMLButtonElement>('[data-testid="suggestion-new"]')!.click();
      expect(act.suggest).toHaveBeenCalledOnce();
    }
  });
});
