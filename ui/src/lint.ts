// Live lint in the editor. Every edit asks the backend to lint the text; one
// request is in flight at a time. An answer is mapped through the edits made
// since it was asked (so squiggles never point at the wrong words), painted,
// and if the text moved on meanwhile the next request goes out at once.
import { setDiagnostics, nextDiagnostic, previousDiagnostic, lintGutter, type Diagnostic, type Action } from "@codemirror/lint";
import { ChangeSet, StateEffect, type Extension } from "@codemirror/state";
import { EditorView, ViewPlugin, keymap, type ViewUpdate } from "@codemirror/view";
import type { DiagnosticView, LintView, RuleDoc } from "./bindings";
import { h } from "./dom";
import { milestone } from "./milestones";

/** Maps a position in the linted text to the editor's current text. */
export type PositionMap = (pos: number, assoc?: -1 | 1) => number;

export interface LintHost {
  lint(text: string): Promise<LintView>;
  rule(id: string): RuleDoc | undefined;
  /** A fresh report is painted; `map` brings its positions up to date. */
  onReport(report: LintView, map: PositionMap): void;
  onError(err: unknown): void;
  /** "Add to team dictionary" on a spelling finding. */
  addWord(word: string): void;
}

/** Asks for a fresh lint of the text as it is (the team's words changed, say). */
export const relintEffect = StateEffect.define<null>();

export function relint(view: EditorView): void {
  view.dispatch({ effects: relintEffect.of(null) });
}

/**
 * Where each keystroke-to-painted time went, in ms, newest last (read by the
 * e2e benchmark): the four phases add up to the whole.
 */
export interface LintPhases {
  /** From the edit to the request leaving (waiting for the one in flight). */
  queued: number;
  /** The request's round trip (IPC and lint). */
  trip: number;
  /** Mapping the answer and dispatching it to the editor and the panel. */
  apply: number;
  /** From the dispatch to the next frame. */
  frame: number;
}
export const lintPhases: LintPhases[] = [];
const MAX_SAMPLES = 2000;

export function liveLint(host: LintHost): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      private inFlight = false;
      private sinceRequest: ChangeSet;
      /** When the oldest edit not yet reflected in painted diagnostics happened. */
      private unpaintedSince: number | null = null;
      private relintWanted = false;

      constructor(private readonly view: EditorView) {
        this.sinceRequest = ChangeSet.empty(view.state.doc.length);
        queueMicrotask(() => this.request());
      }

      update(update: ViewUpdate): void {
        if (update.transactions.some((tr) => tr.effects.some((e) => e.is(relintEffect)))) {
          // Asked while a lint is out: that one may predate the news, so another follows it.
          this.relintWanted = this.inFlight;
          if (!this.inFlight) queueMicrotask(() => this.request());
          return;
        }
        if (!update.docChanged) return;
        this.unpaintedSince ??= performance.now();
        this.sinceRequest = this.sinceRequest.compose(update.changes);
        if (!this.inFlight) queueMicrotask(() => this.request());
      }

      private request(): void {
        if (this.inFlight) return;
        this.inFlight = true;
        this.relintWanted = false;
        this.sinceRequest = ChangeSet.empty(this.view.state.doc.length);
        const editedAt = this.unpaintedSince;
        this.unpaintedSince = null;
        const asked = performance.now();
        host
          .lint(this.view.state.doc.toString())
          .then((report) => {
            this.paint(report, editedAt, asked, performance.now());
          })
          .catch((err) => host.onError(err))
          .finally(() => {
            this.inFlight = false;
            if (!this.sinceRequest.empty || this.relintWanted) this.request();
          });
      }

      private paint(report: LintView, editedAt: number | null, asked: number, answered: number): void {
        const changes = this.sinceRequest;
        const length = this.view.state.doc.length;
        const map: PositionMap = (pos, assoc = 1) => Math.min(changes.mapPos(Math.min(pos, changes.length), assoc), length);
        const diagnostics = report.diagnostics.map((d) => toDiagnostic(d, map, host));
        this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
        host.onReport(report, map);
        milestone("diagnostics-painted");
        if (editedAt !== null) {
          const applied = performance.now();
          requestAnimationFrame(() => {
            lintPhases.push({ queued: asked - editedAt, trip: answered - asked, apply: applied - answered, frame: performance.now() - applied });
            if (lintPhases.length > MAX_SAMPLES) lintPhases.shift();
          });
        }
      }

      destroy(): void {
        this.inFlight = true; // answers for a replaced editor state are dropped
      }
    },
  );
  return [
    plugin,
    lintGutter(),
    keymap.of([
      { key: "F8", run: nextDiagnostic },
      { key: "Shift-F8", run: previousDiagnostic },
    ]),
  ];
}

function toDiagnostic(d: DiagnosticView, map: PositionMap, host: LintHost): Diagnostic {
  const from = map(d.from, 1);
  const to = Math.max(from, map(d.to, -1));
  return {
    from,
    to,
    severity: d.severity,
    source: d.rule,
    message: d.message,
    renderMessage: () => ruleCard(d, host.rule(d.rule)),
    actions: actionsFor(d, from, map, host),
  };
}

function actionsFor(d: DiagnosticView, from: number, map: PositionMap, host: LintHost): Action[] {
  const actions: Action[] = [];
  if (d.fix) {
    // Kept relative to the diagnostic, which CodeMirror maps through later edits.
    const offset = map(d.fix.from, 1) - from;
    const length = Math.max(0, map(d.fix.to, -1) - map(d.fix.from, 1));
    const replacement = d.fix.replacement;
    actions.push({
      name: replacement ? `Change to “${replacement}”` : "Remove",
      apply: (view, at) => view.dispatch({ changes: { from: at + offset, to: at + offset + length, insert: replacement } }),
    });
  }
  if (d.rule === "spelling") {
    const length = Math.max(0, map(d.to, -1) - from);
    actions.push({ name: "Add to team dictionary", apply: (view, at) => host.addWord(view.state.sliceDoc(at, at + length)) });
  }
  actions.push({ name: "Silence here", apply: (view, at) => silence(view, at, d.rule) });
  return actions;
}

/** Writes the inline comment that turns `rule` off for the line at `pos`. */
export function silence(view: EditorView, pos: number, rule: string): void {
  const line = view.state.doc.lineAt(Math.min(pos, view.state.doc.length));
  view.dispatch({ changes: { from: line.from, insert: `<!-- dateline-disable-next-line ${rule} -->\n` } });
}

/** The hover card: the finding, then what the rule is for, with examples. */
export function ruleCard(d: DiagnosticView, rule: RuleDoc | undefined): HTMLElement {
  return h(
    "div",
    { class: "rule-card", "data-testid": "rule-card", "data-rule": d.rule },
    h("p", { class: "rule-message" }, d.message),
    rule && h("p", { class: "rule-explanation" }, rule.explanation),
    rule && h("p", { class: "rule-example bad" }, h("span", {}, "Instead of "), rule.bad),
    rule && h("p", { class: "rule-example good" }, h("span", {}, "Write "), rule.good),
  );
}
