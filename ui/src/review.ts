// Review mode: two versions of a draft side by side (read-only CodeMirror
// panes with deleted and inserted words marked), aligned section by section
// with synchronised scrolling, a change list to step through, the lint
// delta, comment threads and verdicts. Comments and verdicts are written by
// the backend to this reviewer's own log in the shared folder; every text
// here comes from drafts or colleagues and is inserted as text only.
import { EditorState, RangeSetBuilder, type Extension } from "@codemirror/state";
import { Decoration, EditorView, keymap, type DecorationSet } from "@codemirror/view";
import { standardKeymap } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { syntaxHighlighting } from "@codemirror/language";
import {
  commands,
  type AppError,
  type ChangeRow,
  type Result,
  type ReviewView,
  type TextRange,
  type ThreadRow,
  type VersionPick,
  type VersionView,
} from "./bindings";
import { askText } from "./dialog";
import { askReviewerIdentity } from "./identity";
import { fill, h } from "./dom";
import { liveLog, say } from "./announce";
import { proseHighlight } from "./editor";
import { formatModified } from "./format";
import { reviewSuggestionList } from "./suggestion-cards";
import { askSuggestion, clip } from "./suggest-dialog";
import { call } from "./ipc";

type Side = "old" | "new";

export interface ReviewHost {
  report(err: unknown): void;
  notify(message: string): void;
  /** A comment or verdict was written (the draft list shows counts). */
  reviewed(): void;
}

/** The value of a version picker option for `pick`. */
export function pickValue(pick: VersionPick): string {
  return pick.kind === "version" || pick.kind === "draft" ? `${pick.kind}:${pick.id}` : pick.kind;
}

export function pickFrom(value: string): VersionPick {
  const [kind, id] = value.split(":");
  if (kind === "version" || kind === "draft") return { kind, id: Number(id) };
  return kind === "lastReviewed" ? { kind: "lastReviewed" } : { kind: "saved" };
}

/** Another draft of the folder, offered for comparison. */
export interface OtherDraft {
  id: number;
  relPath: string;
}

/** Marks for one pane: changed words, and (new side) commented text. */
export function paneMarks(highlights: TextRange[], comments: TextRange[], side: Side, length: number): DecorationSet {
  const marks = [
    ...highlights.map((r) => ({ r, cls: side === "old" ? "rv-del" : "rv-ins" })),
    ...comments.map((r) => ({ r, cls: "rv-commented" })),
  ]
    .filter(({ r }) => r.to > r.from && r.to <= length)
    .sort((a, b) => a.r.from - b.r.from || a.r.to - b.r.to);
  const builder = new RangeSetBuilder<Decoration>();
  for (const { r, cls } of marks) builder.add(r.from, r.to, Decoration.mark({ class: cls }));
  return builder.finish();
}

const SECTION_BADGES: Record<string, string> = { modified: "edited", added: "added", removed: "removed", moved: "moved" };

/**
 * A badge on the first line of each section that is not unchanged: what
 * happened to it (moved, added, removed, edited), on the side that has it.
 */
export function sectionBadges(view: Pick<ReviewView, "sections">, side: Side, text: string): DecorationSet {
  const starts = new Map<number, string>();
  for (const row of view.sections) {
    const range = row[side];
    const badge = SECTION_BADGES[row.status];
    if (!range || !badge || range.from > text.length) continue;
    const lineStart = text.lastIndexOf("\n", range.from - 1) + 1;
    if (!starts.has(lineStart)) starts.set(lineStart, badge);
  }
  const builder = new RangeSetBuilder<Decoration>();
  for (const [at, badge] of [...starts].sort((a, b) => a[0] - b[0])) {
    builder.add(at, at, Decoration.line({ attributes: { "data-section-status": badge } }));
  }
  return builder.finish();
}

/**
 * Where `pos` of one side lies in the other: the same place relative to the
 * aligned section around it (proportionally), for synchronised scrolling.
 */
export function alignedPosition(view: ReviewView, from: Side, pos: number): number | null {
  const to: Side = from === "old" ? "new" : "old";
  for (const row of view.sections) {
    const a = row[from];
    const b = row[to];
    if (!a || !b || pos < a.from || pos > a.to) continue;
    const share = a.to > a.from ? (pos - a.from) / (a.to - a.from) : 0;
    return Math.round(b.from + share * (b.to - b.from));
  }
  return null;
}

/** A change's kind as a sentence says it. */
const CHANGE_WORDS: Record<string, string> = {
  inserted: "text added",
  deleted: "text removed",
  replaced: "text changed",
  sectionAdded: "section added",
  sectionRemoved: "section removed",
  sectionMoved: "section moved",
};

export class ReviewPane {
  readonly element: HTMLElement;
  private draftId: number | null = null;
  private view: ReviewView | null = null;
  private current = -1;
  private lastFocused: Side = "new";
  private syncing = false;
  private readonly panes: Record<Side, EditorView>;
  private readonly el = {
    oldPick: h("select", { "data-testid": "review-old", "aria-label": "Older version" }),
    newPick: h("select", { "data-testid": "review-new", "aria-label": "Newer version" }),
    oldLabel: h("div", { class: "rv-label" }),
    newLabel: h("div", { class: "rv-label" }),
    summary: h("span", { class: "rv-summary", "data-testid": "review-summary" }),
    position: h("span", { class: "rv-position" }),
    /** Says which change she stepped to, for a screen reader. */
    stepped: liveLog({ "data-testid": "review-stepped" }),
    changes: h("ol", { class: "rv-changes", "data-testid": "review-changes" }),
    delta: h("div", { class: "rv-delta", "data-testid": "review-delta" }),
    threads: h("div", { class: "rv-threads", "data-testid": "review-threads" }),
    suggestions: h("div", { class: "rv-suggestions" }),
    verdicts: h("div", { class: "rv-verdicts", "data-testid": "review-verdicts" }),
    problems: h("div", { class: "rv-problems" }),
    commentButton: h("button", { "data-testid": "review-comment", title: "Comment on the selected text" }, "Comment"),
    suggestButton: h("button", { "data-testid": "review-suggest", title: "Suggest new wording for the selected text of the newer version (or an insertion at the cursor)" }, "Suggest edit…"),
  };

  constructor(
    private readonly host: ReviewHost,
    private readonly onClose: () => void,
  ) {
    const oldPane = h("div", { class: "rv-pane", "data-testid": "review-pane-old" });
    const newPane = h("div", { class: "rv-pane", "data-testid": "review-pane-new" });
    this.panes = { old: this.makePane(oldPane, "old"), new: this.makePane(newPane, "new") };
    this.el.oldPick.addEventListener("change", () => void this.reload());
    this.el.newPick.addEventListener("change", () => void this.reload());
    this.el.commentButton.addEventListener("click", () => void this.comment());
    this.el.suggestButton.addEventListener("click", () => void this.suggest());
    const button = (testid: string, label: string, run: () => void, title = "") =>
      h("button", { "data-testid": testid, title, onclick: run }, label);
    this.element = h(
      "section",
      { class: "review", "data-testid": "review", hidden: true },
      h(
        "header",
        { class: "rv-bar" },
        h("div", { class: "rv-row" }, this.el.oldPick, h("span", { class: "rv-arrow" }, "→"), this.el.newPick, this.el.summary),
        h(
          "div",
          { class: "rv-row" },
          button("review-prev", "↑", () => this.step(-1), "Previous change"),
          this.el.position,
          this.el.stepped,
          button("review-next", "↓", () => this.step(1), "Next change"),
          h("span", { class: "rv-spacer" }),
          this.el.commentButton,
          this.el.suggestButton,
          button("review-approve", "Approve…", () => void this.verdict(true)),
          button("review-request", "Request changes…", () => void this.verdict(false)),
          button("review-reviewer", "Reviewer…", () => void this.askIdentity()),
          button("review-close", "Close", () => this.close(), "Back to the editor"),
        ),
      ),
      h(
        "div",
        { class: "rv-body" },
        h("div", { class: "rv-side" }, this.el.oldLabel, oldPane),
        h("div", { class: "rv-side" }, this.el.newLabel, newPane),
        h(
          "aside",
          { class: "rv-panel", "aria-label": "Review: changes, comments and verdicts" },
          h("h3", {}, "Changes"),
          this.el.changes,
          h("h3", {}, "Lint"),
          this.el.delta,
          h("h3", {}, "Comments"),
          this.el.threads,
          h("h3", {}, "Suggested edits"),
          this.el.suggestions,
          h("h3", {}, "Verdicts"),
          this.el.verdicts,
          this.el.problems,
        ),
      ),
    );
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  /** Opens review of a draft: what changed since this reviewer's last review. */
  async open(draftId: number, versions: VersionView[], others: OtherDraft[]): Promise<void> {
    this.draftId = draftId;
    this.fillPickers(versions, others);
    this.element.hidden = false;
    await this.reload();
  }

  close(): void {
    this.element.hidden = true;
    this.onClose();
  }

  /** Re-reads both versions and everyone's comments. */
  async reload(): Promise<void> {
    if (this.draftId === null) return;
    try {
      const view = await call(
        commands.openReview(this.draftId, pickFrom(this.el.oldPick.value), pickFrom(this.el.newPick.value)),
      );
      this.show(view);
    } catch (err) {
      this.host.report(err);
    }
  }

  private fillPickers(versions: VersionView[], others: OtherDraft[]): void {
    const versionOptions = () =>
      versions.map((v, i) =>
        h("option", { value: `version:${v.id}` }, `Version ${versions.length - i} · ${formatModified(v.createdMs)} · ${v.source}`),
      );
    const drafts =
      others.length === 0
        ? null
        : h("optgroup", { label: "Another draft" }, ...others.map((d) => h("option", { value: `draft:${d.id}` }, d.relPath)));
    fill(this.el.oldPick, h("option", { value: "lastReviewed" }, "Since my last review"), ...versionOptions(), drafts);
    fill(this.el.newPick, h("option", { value: "saved" }, "Saved file"), ...versionOptions());
    this.el.oldPick.value = "lastReviewed";
    this.el.newPick.value = "saved";
  }

  private makePane(parent: HTMLElement, side: Side): EditorView {
    const view = new EditorView({ parent, state: this.paneState("", EditorView.decorations.of(Decoration.none), side) });
    view.scrollDOM.addEventListener("scroll", () => this.syncScroll(side));
    view.contentDOM.addEventListener("focus", () => (this.lastFocused = side));
    view.contentDOM.addEventListener("mouseup", () => (this.lastFocused = side));
    return view;
  }

  private paneState(text: string, marks: Extension, side: Side): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        EditorState.readOnly.of(true),
        // Arrows, Home/End and their Shift forms move and extend the selection, so she can select from the keyboard.
        keymap.of(standardKeymap),
        EditorView.lineWrapping,
        markdown(),
        syntaxHighlighting(proseHighlight),
        marks,
        // Read-only, yet reachable by keyboard: she scrolls and selects text to comment on or suggest for.
        EditorView.contentAttributes.of({ "data-testid": `review-text-${side}`, "aria-label": `${side === "old" ? "Older" : "Newer"} version`, tabindex: "0" }),
      ],
    });
  }

  private show(view: ReviewView): void {
    this.view = view;
    this.current = -1;
    const comments = view.threads.flatMap((t) => (t.anchor && !t.resolved ? [t.anchor] : []));
    for (const side of ["old", "new"] as const) {
      const text = view[side].text;
      const marks = paneMarks(side === "old" ? view.oldHighlights : view.newHighlights, side === "new" ? comments : [], side, text.length);
      const badges = sectionBadges(view, side, text);
      this.panes[side].setState(this.paneState(text, [EditorView.decorations.of(marks), EditorView.decorations.of(badges)], side));
    }
    this.el.oldPick.value = pickValue(view.old.pick);
    this.el.newPick.value = pickValue(view.new.pick);
    this.el.oldLabel.textContent = `${view.old.label} · readiness ${view.old.score}`;
    this.el.newLabel.textContent = `${view.new.label} · readiness ${view.new.score}`;
    const moved = view.sections.filter((s) => s.status !== "unchanged").length;
    this.el.summary.textContent = `${view.changes.length} change${view.changes.length === 1 ? "" : "s"} in ${moved} section${moved === 1 ? "" : "s"} · readiness ${view.old.score} → ${view.new.score}`;
    this.renderChanges(view.changes);
    this.renderDelta(view);
    this.renderThreads(view.threads);
    fill(this.el.suggestions, reviewSuggestionList(view.suggestions, (row) => row.anchor && this.reveal("new", row.anchor)));
    this.renderVerdicts(view);
    fill(this.el.problems, ...view.problems.map((p) => h("p", { class: "rv-problem" }, p)));
    this.renderPosition();
  }

  private renderChanges(changes: ChangeRow[]): void {
    const view = this.view;
    fill(
      this.el.changes,
      ...changes.map((c, i) => {
        const excerpt = view ? (c.new.to > c.new.from ? view.new.text.slice(c.new.from, c.new.to) : view.old.text.slice(c.old.from, c.old.to)) : "";
        return h(
          "li",
          { class: `rv-change rv-${c.kind}`, "data-testid": "review-change", "data-kind": c.kind, onclick: () => this.goTo(i) },
          h("span", { class: "rv-change-section" }, c.section),
          h("span", { class: "rv-change-kind" }, describeKind(c.kind)),
          h("span", { class: "rv-change-text" }, excerpt.length > 80 ? `${excerpt.slice(0, 80)}…` : excerpt),
        );
      }),
    );
  }

  private renderDelta(view: ReviewView): void {
    const list = (title: string, testid: string, rows: ReviewView["fixed"]) =>
      rows.length === 0
        ? null
        : h("div", {}, h("h4", {}, title), h("ul", { "data-testid": testid }, ...rows.map((f) => h("li", { "data-rule": f.rule }, h("code", {}, f.rule), " ", f.message))));
    fill(
      this.el.delta,
      h("p", {}, `${view.fixed.length} fixed, ${view.introduced.length} new, ${view.unchangedFindings} unchanged`),
      list("Fixed", "review-fixed", view.fixed),
      list("New", "review-introduced", view.introduced),
    );
  }

  private renderThreads(threads: ThreadRow[]): void {
    if (threads.length === 0) {
      fill(this.el.threads, h("p", { class: "rv-empty" }, "No comments yet. Select text in either version, then Comment."));
      return;
    }
    fill(this.el.threads, ...threads.map((t) => this.threadElement(t)));
  }

  private threadElement(t: ThreadRow): HTMLElement {
    const disposition = h(
      "select",
      { "data-testid": "thread-disposition", "aria-label": "Disposition" },
      h("option", { value: "" }, "Disposition…"),
      ...["keep", "revise", "defer"].map((d) => h("option", { value: d }, d)),
    );
    disposition.value = t.disposition ?? "";
    disposition.addEventListener("change", () => {
      if (disposition.value) void this.act(t.id, { kind: "disposition", disposition: disposition.value });
    });
    const entry = (c: ThreadRow["comment"]) =>
      h("div", { class: "rv-comment" }, h("strong", {}, c.author), h("span", { class: "rv-when" }, formatModified(c.atMs)), h("p", { "data-testid": "comment-body" }, c.body));
    return h(
      "article",
      {
        class: `rv-thread${t.resolved ? " resolved" : ""}${t.anchor ? "" : " orphaned"}`,
        "data-testid": "review-thread",
        "data-resolved": String(t.resolved),
        "data-orphaned": String(t.anchor === null),
      },
      h(
        "blockquote",
        { onclick: () => t.anchor && this.reveal("new", t.anchor) },
        t.quote,
        t.anchor ? null : h("span", { class: "rv-orphan" }, " (text no longer in this version)"),
      ),
      entry(t.comment),
      ...t.replies.map(entry),
      h(
        "div",
        { class: "rv-thread-actions" },
        h("button", { "data-testid": "thread-reply", onclick: () => void this.reply(t.id) }, "Reply"),
        h(
          "button",
          { "data-testid": "thread-resolve", onclick: () => void this.act(t.id, { kind: "resolve", resolved: !t.resolved }) },
          t.resolved ? "Reopen" : "Resolve",
        ),
        disposition,
      ),
    );
  }

  private renderVerdicts(view: ReviewView): void {
    if (view.verdicts.length === 0) {
      fill(this.el.verdicts, h("p", { class: "rv-empty" }, "No verdict yet."));
      return;
    }
    fill(
      this.el.verdicts,
      ...view.verdicts.map((v) =>
        h(
          "div",
          { class: `rv-verdict ${v.verdict}`, "data-testid": "review-verdict", "data-verdict": v.verdict },
          h("strong", {}, v.author),
          ` ${v.verdict === "approve" ? "approved" : "requested changes"} · ${formatModified(v.atMs)}`,
          v.summary ? h("p", {}, v.summary) : null,
        ),
      ),
    );
  }

  // ---- stepping and scrolling ---------------------------------------------

  private step(delta: number): void {
    const count = this.view?.changes.length ?? 0;
    if (count === 0) return;
    this.goTo((this.current + delta + count) % count);
  }

  private goTo(index: number): void {
    const change = this.view?.changes[index];
    if (!change) return;
    this.current = index;
    this.reveal("old", change.old);
    this.reveal("new", change.new);
    this.el.changes.querySelectorAll(".current").forEach((e) => e.classList.remove("current"));
    this.el.changes.children[index]?.classList.add("current");
    this.renderPosition();
    const count = this.view?.changes.length ?? 0;
    say(this.el.stepped, `Change ${index + 1} of ${count}: ${CHANGE_WORDS[change.kind] ?? change.kind} in ${change.section}.`);
  }

  private reveal(side: Side, range: TextRange): void {
    const pane = this.panes[side];
    const to = Math.min(range.to, pane.state.doc.length);
    const from = Math.min(range.from, to);
    this.syncing = true;
    pane.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
    requestAnimationFrame(() => (this.syncing = false));
  }

  private renderPosition(): void {
    const count = this.view?.changes.length ?? 0;
    this.el.position.textContent = count === 0 ? "no changes" : `${this.current + 1 || "–"} / ${count}`;
  }

  private syncScroll(from: Side): void {
    const view = this.view;
    if (!view || this.syncing) return;
    const source = this.panes[from];
    const target = this.panes[from === "old" ? "new" : "old"];
    const top = source.lineBlockAtHeight(source.scrollDOM.scrollTop).from;
    const pos = alignedPosition(view, from, top);
    if (pos === null) return;
    this.syncing = true;
    target.scrollDOM.scrollTop = target.lineBlockAt(Math.min(pos, target.state.doc.length)).top;
    requestAnimationFrame(() => (this.syncing = false));
  }

  // ---- comments and verdicts ----------------------------------------------

  private async comment(): Promise<void> {
    const view = this.view;
    if (!view || this.draftId === null) return;
    const side = this.lastFocused;
    const selection = this.panes[side].state.selection.main;
    if (selection.empty) {
      this.host.notify("Select the text your comment is about, in either version, then click Comment.");
      return;
    }
    if (!view.reviewer && !(await this.askIdentity())) return;
    const body = await askText("Comment", `On “${clip(view[side].text.slice(selection.from, selection.to))}”`, "", "comment-dialog", "Comment");
    if (body === null) return;
    await this.write(() => commands.addComment(this.draftId!, view[side].pick, { from: selection.from, to: selection.to }, body));
  }

  /**
   * A suggested edit of the newer text: the selection replaced (emptied:
   * removed), or text inserted at the cursor. The draft does not change;
   * the suggestion goes to her own log for the author to take or leave.
   */
  private async suggest(): Promise<void> {
    const view = this.view;
    if (!view || this.draftId === null) return;
    const selection = this.panes.new.state.selection.main;
    if (!view.reviewer && !(await this.askIdentity())) return;
    const answer = await askSuggestion(view.new.text.slice(selection.from, selection.to));
    if (answer === null) return;
    const written = await this.write(() => commands.addSuggestion(this.draftId!, view.new.pick, { from: selection.from, to: selection.to }, answer.after, answer.note));
    if (written) this.host.notify("Suggested. The author sees it in the draft's Suggestions tab.");
  }

  private async reply(thread: string): Promise<void> {
    if (!this.view?.reviewer && !(await this.askIdentity())) return;
    const body = await askText("Reply", "Reply", "", "reply-dialog", "Reply");
    if (body !== null) await this.act(thread, { kind: "reply", body });
  }

  private async act(thread: string, action: Parameters<typeof commands.actOnThread>[2]): Promise<void> {
    if (!this.view?.reviewer && !(await this.askIdentity())) return;
    await this.write(() => commands.actOnThread(this.draftId!, thread, action));
  }

  private async verdict(approve: boolean): Promise<void> {
    if (this.draftId === null) return;
    if (!this.view?.reviewer && !(await this.askIdentity())) return;
    const summary = await askText(approve ? "Approve this round" : "Request changes", "Summary for the author", "", "verdict-dialog", approve ? "Approve" : "Request changes");
    if (summary === null) return;
    await this.write(() => commands.setVerdict(this.draftId!, approve, summary));
  }

  /** Asks once for the name (and email) colleagues see on this reviewer's comments. */
  private async askIdentity(): Promise<boolean> {
    try {
      const identity = await askReviewerIdentity(this.view?.reviewer ?? null);
      if (!identity) return false;
      if (this.view) this.view.reviewer = identity;
      return true;
    } catch (err) {
      this.host.report(err);
      return false;
    }
  }

  /** Writes to this reviewer's log, then shows everyone's state again. */
  /** Runs a write to her review log, then shows the review again; false when it failed (and was reported). */
  private async write<T>(run: () => Promise<Result<T, AppError>>): Promise<boolean> {
    try {
      await call(run());
      await this.reload();
      this.host.reviewed();
      return true;
    } catch (err) {
      this.host.report(err);
      return false;
    }
  }

}

function describeKind(kind: string): string {
  const names: Record<string, string> = {
    inserted: "added words",
    deleted: "removed words",
    replaced: "reworded",
    sectionAdded: "section added",
    sectionRemoved: "section removed",
    sectionMoved: "section moved",
  };
  return names[kind] ?? kind;
}
