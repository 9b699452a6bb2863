import { describe, expect, it, vi } from "vitest";
import type { DiagnosticView, LintView } from "./bindings";
import { Inspector, type InspectorActions } from "./inspector";
import type { Marker } from "./markers";

const diag = (over: Partial<DiagnosticView>): DiagnosticView => ({
  rule: "jargon",
  severity: "warning",
  message: "“leverage” is jargon.",
  from: 10,
  to: 18,
  line: 3,
  section: "problem",
  fix: null,
  ...over,
});

const report = (over: Partial<LintView> = {}): LintView => ({
  diagnostics: [
    diag({}),
    diag({ rule: "missing-section", severity: "error", message: "No call to action.", section: null, from: 0, to: 0, line: 1 }),
    diag({ rule: "weasel-word", message: "“very” blurs the claim.", from: 30, to: 34, fix: { from: 30, to: 35, replacement: "" } }),
  ],
  outline: [
    { kind: "headline", label: "Headline", title: "Acme ships", from: 0, to: 12 },
    { kind: "problem", label: "Problem", title: null, from: 13, to: 60 },
  ],
  missing: [{ kind: "call-to-action", label: "Call to action", hint: "The one next step." }],
  score: 42,
  errors: 1,
  warnings: 2,
  infos: 0,
  words: { pressRelease: 700, pressReleaseLimit: 600, faq: 100, faqLimit: 2500 },
  commentProblems: [],
  criticMarks: 0,
  proofreading: false,
  ...over,
});

function setup(markers: Marker[] = []) {
  const actions: InspectorActions = {
    jump: vi.fn(),
    fix: vi.fn(),
    silence: vi.fn(),
    viewVersion: vi.fn(),
    restoreVersion: vi.fn(),
    markers: () => markers,
    assignPart: vi.fn(),
    clearPart: vi.fn(),
    assignAtCursor: vi.fn(),
    addWord: vi.fn(),
    suggestions: { accept: vi.fn(), reject: vi.fn(), acceptAll: vi.fn(), rejectAll: vi.fn(), show: vi.fn(), refresh: vi.fn(), suggest: vi.fn() },
  };
  const inspector = new Inspector(actions);
  vi.useFakeTimers();
  inspector.showReport(report(), (pos) => pos + 100);
  vi.runAllTimers();
  vi.useRealTimers();
  return { inspector, actions, el: inspector.el };
}

describe("Inspector", () => {
  it("shows the score, the counts and flags a press release over its page", () => {
    const { el } = setup();
    expect(el.querySelector('[data-testid="readiness-score"]')?.textContent).toBe("42");
    expect(el.querySelector('[data-testid="count-error"]')?.textContent).toBe("1 error");
    expect(el.querySelector('[data-testid="words-release"]')?.classList.contains("over")).toBe(true);
    expect(el.querySelector('[data-testid="words-faq"]')?.classList.contains("over")).toBe(false);
  });

  it("says spelling is still being checked until a complete report comes", () => {
    const { inspector, el } = setup();
    const note = () => el.querySelector('[data-testid="proofreading"]');
    expect(note()).toBeNull();
    vi.useFakeTimers();
    inspector.showReport(report({ proofreading: true }), (pos) => pos);
    vi.runAllTimers();
    expect(note()?.textContent).toBe("checking spelling…");
    inspector.showReport(report(), (pos) => pos);
    vi.runAllTimers();
    vi.useRealTimers();
    expect(note()).toBeNull();
  });

  it("groups problems by section, errors first, and maps positions before jumping", () => {
    const { el, actions } = setup();
    const groups = [...el.querySelectorAll(".problem-group h3")].map((h) => h.textContent);
    expect(groups).toEqual(["Problem", "Whole draft"]);
    const rules = [...el.querySelectorAll('[data-testid="problem"]')].map((p) => (p as HTMLElement).dataset.rule);
    expect(rules).toEqual(["jargon", "weasel-word", "missing-section"]);
    (el.querySelector('[data-rule="weasel-word"] .problem-jump') as HTMLElement).click();
    expect(actions.jump).toHaveBeenCalledWith(130, 134);
  });

  it("keeps the cards when a report moves only positions, and acts on the new positions", () => {
    const { inspector, el, actions } = setup();
    const card = () => el.querySelector('[data-testid="problem"][data-rule="weasel-word"]');
    const before = card();
    const moved = report();
    for (const d of moved.diagnostics) Object.assign(d, { from: d.from + 5, to: d.to + 5 });
    vi.useFakeTimers();
    inspector.showReport(moved, (pos) => pos + 100);
    vi.runAllTimers();
    vi.useRealTimers();
    expect(card()).toBe(before);
    (card()?.querySelector(".problem-jump") as HTMLElement).click();
    expect(actions.jump).toHaveBeenLastCalledWith(135, 139);
    (card()?.querySelector('[data-testid="quick-fix"]') as HTMLElement).click();
    expect(actions.fix).toHaveBeenLastCalledWith(moved.diagnostics[2], expect.any(Function));

    const reworded = report();
    reworded.diagnostics[2].message = "“very” blurs it.";
    vi.useFakeTimers();
    inspector.showReport(reworded, (pos) => pos);
    vi.runAllTimers();
    vi.useRealTimers();
    expect(card()).not.toBe(before);
    expect(card()?.getAttribute("data-message")).toBe("“very” blurs it.");
  });

  it("lists a disable comment naming no rule first, counted, and jumps to the id", () => {
    const { inspector, el, actions } = setup();
    const message = "unknown rule `jargn` in a `dateline-disable` comment: it silences nothing; did you mean `jargon`?";
    vi.useFakeTimers();
    inspector.showReport(report({ diagnostics: [], commentProblems: [{ message, from: 5, to: 10, line: 2 }] }), (pos) => pos);
    vi.runAllTimers();
    vi.useRealTimers();
    expect(el.querySelector('[data-testid="no-problems"]')).toBeNull();
    expect(el.querySelector('[data-testid="tab-problems"]')?.textContent).toBe("Problems (1)");
    const item = el.querySelector('[data-testid="comment-problem"]') as HTMLElement;
    expect(item.textContent).toContain("did you mean `jargon`");
    expect(item.textContent).toContain("line 2");
    (item.querySelector(".problem-jump") as HTMLElement).click();
    expect(actions.jump).toHaveBeenCalledWith(5, 10);
  });

  it("offers a fix only where the rule has one, and silence everywhere", () => {
    const { el, actions } = setup();
    expect(el.querySelectorAll('[data-testid="quick-fix"]')).toHaveLength(1);
    expect(el.querySelector('[data-rule="weasel-word"] [data-testid="quick-fix"]')?.textContent).toBe("Remove");
    (el.querySelector('[data-rule="jargon"] [data-testid="silence"]') as HTMLElement).click();
    expect(actions.silence).toHaveBeenCalledOnce();
  });

  it("lists missing sections with their hints in the outline", () => {
    const { inspector, el } = setup();
    inspector.select("outline");
    expect([...el.querySelectorAll('[data-testid="outline-item"]')].map((e) => (e as HTMLElement).dataset.kind)).toEqual(["headline", "problem"]);
    const missing = el.querySelector('[data-testid="outline-missing"]');
    expect(missing?.textContent).toContain("Call to action");
    expect(missing?.textContent).toContain("The one next step.");
  });

  it("is one Tab stop whose arrow keys choose the tab and keep the focus on it", () => {
    const { el } = setup();
    document.body.append(el);
    const tabs = () => [...el.querySelectorAll<HTMLElement>('[role="tab"]')];
    const stops = () => tabs().filter((t) => t.tabIndex === 0).map((t) => t.dataset.testid);
    expect(stops()).toEqual(["tab-problems"]);
    tabs()[1].focus();
    const press = (key: string) => document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    press("ArrowRight");
    expect(stops()).toEqual(["tab-history"]);
    expect((document.activeElement as HTMLElement).dataset.testid).toBe("tab-history");
    expect(el.querySelector('[role="tabpanel"]')?.getAttribute("aria-labelledby")).toBe("tab-history");
    press("Home");
    press("ArrowLeft");
    expect((document.activeElement as HTMLElement).dataset.testid).toBe("tab-suggestions");
    expect(el.querySelector('[aria-selected="true"]')?.textContent).toBe("Suggestions");
    el.remove();
  });

  it("assigns an outline entry to a part from its Change part button", () => {
    const { inspector, el, actions } = setup();
    inspector.select("outline");
    const problem = el.querySelector('[data-testid="outline-entry"][data-kind="problem"]') as HTMLElement;
    const change = problem.querySelector('[data-testid="outline-change-part"]') as HTMLElement;
    const choices = problem.querySelector('[data-testid="part-choices"]') as HTMLElement;
    expect(change.getAttribute("aria-label")).toBe("Change part: Problem");
    expect(choices.hidden).toBe(true);
    change.click();
    expect(change.getAttribute("aria-expanded")).toBe("true");
    const options = [...choices.querySelectorAll('[data-testid="part-option"]')] as HTMLElement[];
    expect(options.map((o) => o.textContent)).toContain("Not a part");
    expect(options.find((o) => o.getAttribute("aria-pressed") === "true")?.dataset.part).toBe("problem");
    options.find((o) => o.dataset.part === "solution")?.click();
    expect(actions.assignPart).toHaveBeenCalledWith(113, "solution");
    expect(choices.hidden).toBe(true);
  });

  it("opens one chooser at a time and closes it with Escape", () => {
    const { inspector, el } = setup();
    inspector.select("outline");
    const [first, second] = [...el.querySelectorAll('[data-testid="outline-change-part"]')] as HTMLElement[];
    const [firstChoices, secondChoices] = [...el.querySelectorAll('[data-testid="part-choices"]')] as HTMLElement[];
    first.click();
    second.click();
    expect([firstChoices.hidden, secondChoices.hidden]).toEqual([true, false]);
    secondChoices.querySelector("button")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(secondChoices.hidden).toBe(true);
    expect(second.getAttribute("aria-expanded")).toBe("false");
  });

  it("offers Use automatic on an entry a marker set, and lists markers on no entry", () => {
    const marker = (part: string, target: number, block: string): Marker => ({ part, from: target - 27, end: target - 1, to: target, target, targetEnd: target + block.length, block });
    const { inspector, el, actions } = setup([marker("problem", 113, "People wait."), marker("other", 300, "| a | b |")]);
    inspector.select("outline");
    const problem = el.querySelector('[data-testid="outline-entry"][data-kind="problem"]') as HTMLElement;
    expect(problem.dataset.marked).toBe("problem");
    expect(el.querySelector('[data-testid="outline-entry"][data-kind="headline"] [data-testid="outline-use-automatic"]')).toBeNull();
    (problem.querySelector('[data-testid="outline-use-automatic"]') as HTMLElement).click();
    expect(actions.clearPart).toHaveBeenCalledWith(113);
    const loose = el.querySelector('[data-testid="outline-marker"]') as HTMLElement;
    expect(loose.textContent).toContain("Not a part");
    expect(loose.textContent).toContain("| a | b |");
    (loose.closest("li")?.querySelector('[data-testid="outline-use-automatic"]') as HTMLElement).click();
    expect(actions.clearPart).toHaveBeenLastCalledWith(300);
  });

  it("marks the paragraph at the cursor as a missing part", () => {
    const { inspector, el, actions } = setup();
    inspector.select("outline");
    (el.querySelector('[data-testid="outline-missing"] [data-testid="outline-mark-cursor"]') as HTMLElement).click();
    expect(actions.assignAtCursor).toHaveBeenCalledWith("call-to-action");
  });

  it("draws the readiness trend oldest first", () => {
    const { inspector, el } = setup();
    inspector.select("history");
    inspector.showVersions([
      { id: 3, createdMs: 3, source: "save", score: 80, words: 10, note: "" },
      { id: 1, createdMs: 1, source: "original", score: 20, words: 5, note: "" },
    ]);
    expect(el.querySelector('[data-testid="score-trend"]')?.getAttribute("aria-label")).toContain("20, 80");
    expect(el.querySelectorAll('[data-testid="version"]')).toHaveLength(2);
  });
});
