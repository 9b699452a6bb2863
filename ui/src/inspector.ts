// The panel beside the editor: the readiness meter and word budgets, then
// tabs for the outline, the problems (grouped by section) and the history.
import type { CommentProblemView, DiagnosticView, LintView, MissingSection, SuggestionRow, VersionView } from "./bindings";
import { fill, h } from "./dom";
import { formatModified } from "./format";
import type { PositionMap } from "./lint";
import { partLabel, type Marker } from "./markers";
import { partChooser } from "./partmenu";
import { arrowNavigation } from "./roving";
import { suggestionList, type SuggestionActions } from "./suggestion-cards";

export interface InspectorActions {
  jump(pos: number, end?: number): void;
  fix(d: DiagnosticView, map: PositionMap): void;
  silence(d: DiagnosticView, map: PositionMap): void;
  viewVersion(version: VersionView): void;
  restoreVersion(version: VersionView): void;
  /** The part markers in the editor's text as it is now. */
  markers(): Marker[];
  /** Marks the block whose first line holds `pos` as `part` (replacing its marker). */
  assignPart(pos: number, part: string): void;
  /** Removes the marker of the block at `pos`: the lint decides again. */
  clearPart(pos: number): void;
  /** Marks the paragraph at the editor's cursor as `part`. */
  assignAtCursor(part: string): void;
  suggestions: SuggestionActions;
  /** "Add to team dictionary" on a spelling finding. */
  addWord(d: DiagnosticView, map: PositionMap): void;
}

/** Which outline entries a marker set, and the markers set on no entry's first line. */
interface OutlineMarks {
  entries: (string | null)[];
  loose: Marker[];
}

/** What an outline row shows and where its block starts now. */
interface Row {
  kind: string;
  label: string;
  title: string | null;
  marked: string | null;
  testid: string;
  pos(): number;
}

type Tab = "outline" | "problems" | "history" | "suggestions";
const TABS: Tab[] = ["outline", "problems", "history", "suggestions"];

/**
 * The tab list is one Tab stop (the ARIA tabs pattern): Left and Right,
 * Home and End choose among the tabs, so Tab goes on to the panel's content.
 */
const TAB_KEYS: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i + n - 1) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
/** How long the panel may lag behind the editor while typing. */
const PANEL_DELAY_MS = 150;

export class Inspector {
  readonly el = h("aside", { class: "inspector", "data-testid": "inspector", "aria-label": "Checks of the draft" });
  private tab: Tab = "problems";
  private renderTimer: ReturnType<typeof setTimeout> | null = null;
  private report: LintView | null = null;
  private map: PositionMap = (pos) => pos;
  private versions: VersionView[] = [];
  private suggestions: SuggestionRow[] = [];
  private readonly meter = h("section", { class: "readiness", "data-testid": "readiness" });
  private readonly tabs = h("nav", { class: "tabs", role: "tablist" });
  private readonly body = h("div", { class: "tab-body", role: "tabpanel", id: "tab-panel" });
  /**
   * What each part was last drawn from. While she types, most reports change
   * only positions, which the panel does not show; redrawing fifty problem
   * cards anyway kept the web view busy when the next keystroke came.
   */
  private drawn = { meter: "", tabs: "", body: "" };
  /** The problems in the order drawn; a card reads its own from here when clicked. */
  private shown: DiagnosticView[] = [];
  /** The markers as the outline was last drawn with (read only while it is open). */
  private marks: OutlineMarks = { entries: [], loose: [] };

  constructor(private readonly actions: InspectorActions) {
    this.el.append(this.meter, this.tabs, this.body);
    arrowNavigation(this.body, '.problem-jump, .outline-item, [data-testid="version-view"]');
    this.tabs.addEventListener("keydown", (event) => this.onTabKey(event));
    this.render();
  }

  /**
   * Takes a fresh report. The editor's squiggles are painted at once; this
   * panel only needs to keep up with pauses in typing, so renders coalesce.
   */
  showReport(report: LintView, map: PositionMap): void {
    this.report = report;
    this.map = map;
    if (this.renderTimer === null) {
      this.renderTimer = setTimeout(() => {
        this.renderTimer = null;
        this.render();
      }, PANEL_DELAY_MS);
    }
  }

  /** Reviewers' suggested edits of the open draft, placed in the editor's text. */
  showSuggestions(rows: SuggestionRow[]): void {
    this.suggestions = rows;
    this.renderTabs();
    if (this.tab === "suggestions") this.renderBody();
  }

  showVersions(versions: VersionView[]): void {
    this.versions = versions;
    if (this.tab === "history") this.renderBody();
  }

  clear(): void {
    if (this.renderTimer !== null) clearTimeout(this.renderTimer);
    this.renderTimer = null;
    this.report = null;
    this.versions = [];
    this.suggestions = [];
    this.render();
  }

  select(tab: Tab): void {
    this.tab = tab;
    this.render();
    if (tab === "suggestions") this.actions.suggestions.refresh();
  }

  private onTabKey(event: KeyboardEvent): void {
    const move = TAB_KEYS[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    this.select(TABS[move(TABS.indexOf(this.tab), TABS.length)]);
  }

  private render(): void {
    this.renderMeter();
    this.renderTabs();
    this.renderBody();
  }

  /** Whether `part` must be drawn again for `key`; records the key if so. */
  private stale(part: keyof Inspector["drawn"], key: string | null): boolean {
    if (key !== null && key === this.drawn[part]) return false;
    this.drawn[part] = key ?? "";
    return true;
  }

  private renderMeter(): void {
    const r = this.report;
    if (!this.stale("meter", JSON.stringify(r && [r.score, r.errors, r.warnings, r.infos, r.words, r.proofreading]))) return;
    if (!r) return fill(this.meter);
    const fillBar = h("div", { class: `meter-fill ${scoreClass(r.score)}` });
    fillBar.style.width = `${r.score}%`;
    const budget = (label: string, words: number, limit: number, pages: string, testid: string) =>
      h(
        "p",
        { class: words > limit ? "budget over" : "budget", "data-testid": testid },
        h("span", {}, label),
        `${words.toLocaleString()} / ${limit.toLocaleString()} words (${pages})`,
      );
    fill(
      this.meter,
      h("div", { class: "score-line" }, h("span", { class: "score", "data-testid": "readiness-score" }, r.score), h("span", { class: "score-label" }, "readiness")),
      h("div", { class: "meter", role: "meter", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": r.score, "aria-label": "Readiness" }, fillBar),
      h(
        "p",
        { class: "counts" },
        h("span", { class: "sev-error", "data-testid": "count-error" }, plural(r.errors, "error")),
        h("span", { class: "sev-warning", "data-testid": "count-warning" }, plural(r.warnings, "warning")),
        h("span", { class: "sev-info", "data-testid": "count-info" }, plural(r.infos, "note")),
        // The first lint of a draft answers before Harper has read it all.
        r.proofreading && h("span", { class: "proofreading", "data-testid": "proofreading", title: "Spelling and grammar findings follow in a moment" }, "checking spelling…"),
      ),
      budget("Press release", r.words.pressRelease, r.words.pressReleaseLimit, "one page", "words-release"),
      budget("FAQ", r.words.faq, r.words.faqLimit, "five pages", "words-faq"),
    );
  }

  private renderTabs(): void {
    const count = (this.report?.diagnostics.length ?? 0) + (this.report?.commentProblems.length ?? 0);
    const open = this.suggestions.filter((r) => r.status === "open").length;
    if (!this.stale("tabs", `${this.tab} ${count} ${open}`)) return;
    const tab = (id: Tab, label: string) => {
      const selected = this.tab === id;
      const attrs = { role: "tab", id: `tab-${id}`, class: selected ? "tab active" : "tab", "aria-selected": String(selected), "aria-controls": "tab-panel", tabindex: selected ? 0 : -1 };
      return h("button", { ...attrs, "data-testid": `tab-${id}`, onclick: () => this.select(id) }, label);
    };
    // Redrawn tabs are new buttons: a focus on the old ones moves to the selected one.
    const hadFocus = this.tabs.contains(document.activeElement);
    fill(this.tabs, tab("outline", "Outline"), tab("problems", count ? `Problems (${count})` : "Problems"), tab("history", "History"), tab("suggestions", open ? `Suggestions (${open})` : "Suggestions"));
    this.body.setAttribute("aria-labelledby", `tab-${this.tab}`);
    if (hadFocus) this.tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }

  private renderBody(): void {
    const r = this.report;
    const groups = r ? problemGroups(r) : [];
    this.shown = groups.flatMap((g) => g.items);
    this.marks = this.tab === "outline" ? this.currentMarks() : { entries: [], loose: [] };
    if (!this.stale("body", this.bodyKey(groups))) return;
    if (this.tab === "outline") fill(this.body, this.outline());
    else if (this.tab === "problems") fill(this.body, this.problems(groups));
    else if (this.tab === "suggestions") fill(this.body, suggestionList(this.suggestions, this.actions.suggestions));
    else fill(this.body, this.history());
  }

  /**
   * What the open tab shows, as text; `null` for the history, whose times
   * are relative to now.
   */
  private bodyKey(groups: ProblemGroup[]): string | null {
    const r = this.report;
    if (this.tab === "history" || this.tab === "suggestions") return null;
    if (!r) return `${this.tab} -`;
    if (this.tab === "outline") {
      const marks = [this.marks.entries, this.marks.loose.map((m) => [m.part, m.block])];
      return `outline ${JSON.stringify([r.outline.map((e) => [e.kind, e.label, e.title]), r.missing, marks])}`;
    }
    const problems = groups.map((g) => [g.section, g.items.map((d) => [d.severity, d.rule, d.message, d.line, d.fix?.replacement ?? null, d.fix === null])]);
    const comments = r.commentProblems.map((p) => [p.message, p.line]);
    return `problems ${JSON.stringify([problems, comments])}`;
  }

  private outline(): HTMLElement {
    const r = this.report;
    if (!r) return h("p", { class: "empty" }, "Open a draft to see its outline.");
    // Drawn again only when what it shows changes: a click reads the entry's
    // position from the latest report, and a marker's from the text.
    const present = r.outline.map((entry, i) =>
      this.outlineRow({ ...entry, marked: this.marks.entries[i], testid: "outline-item", pos: () => this.map(this.report?.outline[i]?.from ?? entry.from) }),
    );
    const loose = this.marks.loose.map((m, j) =>
      this.outlineRow({ kind: m.part, label: partLabel(m.part), title: blockTitle(m.block), marked: m.part, testid: "outline-marker", pos: () => this.currentMarks().loose[j]?.target ?? m.target }),
    );
    const missing = r.missing.map((m) => this.missingRow(m));
    return h(
      "div",
      { "data-testid": "outline" },
      h("ul", { class: "outline" }, ...present),
      loose.length > 0 && h("h3", {}, "Also marked by you"),
      loose.length > 0 && h("ul", { class: "outline" }, ...loose),
      missing.length > 0 && h("h3", {}, "Missing"),
      missing.length > 0 && h("ul", { class: "outline" }, ...missing),
    );
  }

  /** An outline entry: jump to it, change its part, and undo a marker that set it. */
  private outlineRow(row: Row): HTMLElement {
    const name = row.title ? `${row.label} “${row.title}”` : row.label;
    const chooser = partChooser(name, row.marked ?? row.kind, (part) => this.actions.assignPart(row.pos(), part));
    return h(
      "li",
      { class: "outline-entry", "data-testid": "outline-entry", "data-kind": row.kind, "data-marked": row.marked },
      h(
        "div",
        { class: "outline-row" },
        h(
          "button",
          { class: "outline-item", "data-testid": row.testid, "data-kind": row.kind, onclick: () => this.actions.jump(row.pos()) },
          h("span", { class: "outline-label" }, row.label),
          row.title && h("span", { class: "outline-title" }, row.title),
        ),
        chooser.button,
      ),
      row.marked && this.markedNote(row, name),
      chooser.choices,
    );
  }

  private markedNote(row: Row, name: string): HTMLElement {
    return h(
      "p",
      { class: "outline-marked", "data-testid": "outline-marked", title: `Set by <!-- dateline: ${row.marked} --> in the text` },
      "Set by you",
      h("button", { class: "link", "data-testid": "outline-use-automatic", "aria-label": `Use automatic: ${name}`, onclick: () => this.actions.clearPart(row.pos()) }, "Use automatic"),
    );
  }

  /** A part the draft lacks, greyed, with a way to say which paragraph it is. */
  private missingRow(m: MissingSection): HTMLElement {
    return h(
      "li",
      { class: "outline-missing", "data-testid": "outline-missing", "data-kind": m.kind },
      h("span", { class: "outline-label" }, m.label),
      h("span", { class: "hint" }, m.hint),
      h(
        "button",
        { class: "link", "data-testid": "outline-mark-cursor", "aria-label": `Mark the paragraph at the cursor as ${m.label}`, onclick: () => this.actions.assignAtCursor(m.kind) },
        "Mark the paragraph at the cursor",
      ),
    );
  }

  private currentMarks(): OutlineMarks {
    return this.report ? outlineMarks(this.report, this.map, this.actions.markers()) : { entries: [], loose: [] };
  }

  private problems(groups: ProblemGroup[]): HTMLElement {
    const r = this.report;
    if (!r) return h("p", { class: "empty" }, "Open a draft to check it.");
    if (r.diagnostics.length === 0 && r.commentProblems.length === 0)
      return h("p", { class: "empty", "data-testid": "no-problems" }, "No problems found. Ready for review.");
    let index = 0;
    return h(
      "div",
      { class: "problems", "data-testid": "problems" },
      r.commentProblems.length > 0 &&
        h("section", { class: "problem-group" }, h("h3", {}, "Disable comments"), h("ul", {}, ...r.commentProblems.map((p, i) => this.commentProblem(p, i)))),
      ...groups.map((g) => h("section", { class: "problem-group" }, h("h3", {}, g.title), h("ul", {}, ...g.items.map((d) => this.problem(d, index++))))),
    );
  }

  /** A disable comment naming no rule: it silences nothing, so it is shown first. */
  private commentProblem(shown: CommentProblemView, i: number): HTMLElement {
    const current = () => this.report?.commentProblems[i] ?? shown;
    return h(
      "li",
      { class: "problem sev-warning", "data-testid": "comment-problem" },
      h(
        "button",
        { class: "problem-jump", title: "Show in the draft", onclick: () => this.actions.jump(this.map(current().from), this.map(current().to, -1)) },
        h("span", { class: "dot", "aria-label": "warning" }),
        h("span", { class: "problem-message" }, shown.message),
        h("span", { class: "problem-rule" }, `comment · line ${shown.line}`),
      ),
    );
  }

  /** The card of the `i`th problem shown; its buttons act on that problem as the latest report has it. */
  private problem(d: DiagnosticView, i: number): HTMLElement {
    const current = () => this.shown[i] ?? d;
    return h(
      "li",
      { class: `problem sev-${d.severity}`, "data-testid": "problem", "data-rule": d.rule, "data-message": d.message },
      h(
        "button",
        { class: "problem-jump", title: "Show in the draft", onclick: () => this.actions.jump(this.map(current().from), this.map(current().to, -1)) },
        h("span", { class: "dot", "aria-label": d.severity }),
        h("span", { class: "problem-message" }, d.message),
        h("span", { class: "problem-rule" }, `${d.rule} · line ${d.line}`),
      ),
      h(
        "div",
        { class: "problem-actions" },
        d.fix && h("button", { "data-testid": "quick-fix", onclick: () => this.actions.fix(current(), this.map) }, d.fix.replacement ? `Change to “${d.fix.replacement}”` : "Remove"),
        d.rule === "spelling" && h("button", { "data-testid": "add-team-word", onclick: () => this.actions.addWord(current(), this.map) }, "Add to team dictionary"),
        h("button", { "data-testid": "silence", "aria-label": `Silence ${d.rule} on line ${d.line}`, title: `Add <!-- dateline-disable-next-line ${d.rule} --> above this line`, onclick: () => this.actions.silence(current(), this.map) }, "Silence"),
      ),
    );
  }

  private history(): HTMLElement {
    if (this.versions.length === 0) return h("p", { class: "empty" }, "Each save adds a version here.");
    const sourceLabel: Record<string, string> = { original: "First opened", save: "Saved", restore: "Restored", external: "Changed outside" };
    return h(
      "div",
      { "data-testid": "history" },
      trend(this.versions.map((v) => v.score).reverse()),
      h(
        "ul",
        { class: "versions" },
        ...this.versions.map((v) =>
          h(
            "li",
            { class: "version", "data-testid": "version", "data-version-id": v.id, "data-source": v.source },
            h("span", { class: "version-when", title: new Date(v.createdMs).toLocaleString() }, formatModified(v.createdMs)),
            h("span", { class: "version-source" }, sourceLabel[v.source] ?? v.source),
            h("span", { class: `version-score ${scoreClass(v.score)}` }, v.score),
            h("button", { "data-testid": "version-view", onclick: () => this.actions.viewVersion(v) }, "View"),
            h("button", { "data-testid": "version-restore", onclick: () => this.actions.restoreVersion(v) }, "Restore"),
          ),
        ),
      ),
    );
  }
}

interface ProblemGroup {
  section: string;
  title: string;
  items: DiagnosticView[];
}

/** The problems by section (in the order of each section's first problem), errors first within each. */
function problemGroups(r: LintView): ProblemGroup[] {
  const labels = new Map(r.outline.map((s) => [s.kind, s.label]));
  const groups = new Map<string, DiagnosticView[]>();
  for (const d of r.diagnostics) {
    const key = d.section ?? "";
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.entries()].map(([section, items]) => ({
    section,
    title: section ? labels.get(section) ?? section : "Whole draft",
    items: items.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.from - b.from),
  }));
}

/** Matches markers to the entries starting on the lines they apply to. */
function outlineMarks(r: LintView, map: PositionMap, markers: Marker[]): OutlineMarks {
  const starts = r.outline.map((e) => map(e.from));
  const on = (m: Marker, pos: number) => m.target <= pos && pos <= m.targetEnd;
  return {
    // The last marker before a block is the one the lint reads.
    entries: starts.map((pos) => [...markers].reverse().find((m) => on(m, pos))?.part ?? null),
    loose: markers.filter((m) => !starts.some((pos) => on(m, pos))),
  };
}

/** A marked block's first line as a title: its Markdown marks dropped. */
function blockTitle(line: string): string {
  const plain = line.replace(/^[\s>#*_-]+|[\s#*_]+$/g, "");
  return plain.length > 60 ? `${plain.slice(0, 59)}…` : plain;
}

/** A small line chart of readiness over versions, oldest first. */
function trend(scores: number[]): Element {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  const width = 260;
  const height = 48;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "trend");
  svg.setAttribute("data-testid", "score-trend");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Readiness over ${scores.length} versions: ${scores.join(", ")}`);
  const step = scores.length > 1 ? width / (scores.length - 1) : 0;
  const points = scores.map((s, i) => `${(i * step).toFixed(1)},${(height - 4 - (s / 100) * (height - 8)).toFixed(1)}`);
  const line = document.createElementNS(ns, "polyline");
  line.setAttribute("points", points.length === 1 ? `0,${points[0].split(",")[1]} ${width},${points[0].split(",")[1]}` : points.join(" "));
  svg.append(line);
  return svg;
}

function scoreClass(score: number): string {
  return score >= 80 ? "good" : score >= 50 ? "fair" : "poor";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
