// The Suggestions tab: each reviewer's suggested edits as cards (before →
// after, who, what it does to the lint), with Accept and Reject (Dismiss
// for one that can no longer be taken), Accept all / Reject all per
// reviewer, and a button to suggest one on the editor's selection.
import type { SuggestionRow } from "./bindings";
import { h } from "./dom";
import { reviewerColour } from "./suggested";

export interface SuggestionActions {
  accept(row: SuggestionRow): void;
  reject(row: SuggestionRow): void;
  acceptAll(reviewer: string): void;
  rejectAll(reviewer: string): void;
  show(row: SuggestionRow): void;
  /** Suggest new wording for the editor's selection (as a reader of the draft). */
  suggest(): void;
  /** The tab was opened: fetch what reviewers have added since. */
  refresh(): void;
}

const STATUS: Record<string, string> = { accepted: "Accepted", rejected: "Rejected", orphaned: "Its text is gone", conflicting: "Conflicts with an accepted one" };

/** Not yet answered by the author: open, conflicting or orphaned. */
function undecided(row: SuggestionRow): boolean {
  return row.status !== "accepted" && row.status !== "rejected";
}

/** "Accepted by Mia Chen", "Its text is gone". */
function decision(row: SuggestionRow): string {
  const status = STATUS[row.status] ?? row.status;
  return row.decidedBy && (row.status === "accepted" || row.status === "rejected") ? `${status} by ${row.decidedBy}` : status;
}

/** What accepting would do to the lint, in a few words. */
function lintEffect(row: SuggestionRow): string | null {
  const parts = [];
  if (row.fixes.length > 0) parts.push(`fixes ${row.fixes.length}: ${row.fixes.join(", ")}`);
  if (row.introduces.length > 0) parts.push(`introduces ${row.introduces.join(", ")}`);
  return parts.length > 0 ? parts.join("; ") : null;
}

/** A suggestion's card; `actions` null: read-only (review mode), `show` still works. */
function card(row: SuggestionRow, actions: SuggestionActions | null, show: (row: SuggestionRow) => void): HTMLElement {
  const open = row.status === "open";
  const pending = undecided(row);
  const effect = lintEffect(row);
  return h(
    "li",
    { class: `sg-card sg-${reviewerColour(row.reviewer)}`, "data-testid": "suggestion", "data-status": row.status, "data-suggestion-id": row.id },
    h(
      "button",
      { class: "sg-what", title: "Show in the draft", onclick: () => show(row), disabled: !row.anchor },
      row.before && h("del", {}, row.before),
      row.before && row.after && " → ",
      row.after && h("ins", {}, row.after),
    ),
    h("p", { class: "sg-meta" }, row.author, row.note && ` · “${row.note}”`, !open && ` · ${decision(row)}`),
    row.reply && h("p", { class: "sg-reply", "data-testid": "suggestion-reply" }, `${row.decidedBy ?? "The author"}: “${row.reply}”`),
    effect && h("p", { class: "sg-effect", "data-testid": "suggestion-effect" }, effect),
    pending &&
      actions &&
      h(
        "div",
        { class: "sg-actions" },
        open && h("button", { class: "primary", "data-testid": "suggestion-accept", onclick: () => actions.accept(row) }, "Accept"),
        // A conflicting or orphaned one cannot be taken, but she can still answer it, so it leaves her list.
        h("button", { "data-testid": "suggestion-reject", title: open ? undefined : "Keep the text and close this suggestion", onclick: () => actions.reject(row) }, open ? "Reject" : "Dismiss"),
      ),
  );
}

/** Every suggestion, grouped by reviewer, undecided ones first, under a button to suggest one. */
export function suggestionList(rows: SuggestionRow[], actions: SuggestionActions): HTMLElement {
  const suggest = h("button", { class: "sg-new", "data-testid": "suggestion-new", title: "Suggest new wording for the selected text (Edit → Suggest Edit)", onclick: () => actions.suggest() }, "Suggest edit…");
  if (rows.length === 0) return h("div", {}, suggest, h("p", { class: "empty", "data-testid": "no-suggestions" }, "No suggested edits. Select text in the draft, then Suggest edit; or suggest in review mode."));
  const reviewers = [...new Set(rows.map((r) => r.reviewer))];
  return h(
    "div",
    { "data-testid": "suggestions" },
    suggest,
    ...reviewers.map((reviewer) => {
      const theirs = rows.filter((r) => r.reviewer === reviewer).sort((a, b) => Number(undecided(b)) - Number(undecided(a)));
      const open = theirs.filter((r) => r.status === "open").length;
      return h(
        "section",
        { class: "problem-group" },
        h("h3", {}, `${theirs[0].author} (${open} open)`),
        open > 1 &&
          h(
            "div",
            { class: "sg-actions" },
            h("button", { "data-testid": "suggestion-accept-all", onclick: () => actions.acceptAll(reviewer) }, "Accept all"),
            h("button", { "data-testid": "suggestion-reject-all", onclick: () => actions.rejectAll(reviewer) }, "Reject all"),
          ),
        h("ul", { class: "sg-list" }, ...theirs.map((row) => card(row, actions, (r) => actions.show(r)))),
      );
    }),
  );
}

/** Review mode's list: every suggestion with its status, open ones first, no buttons (the author decides in her editor). */
export function reviewSuggestionList(rows: SuggestionRow[], show: (row: SuggestionRow) => void): HTMLElement {
  if (rows.length === 0) return h("p", { class: "rv-empty" }, "No suggested edits yet. Select text in the newer version, then Suggest edit.");
  const sorted = [...rows].sort((a, b) => Number(b.status === "open") - Number(a.status === "open") || a.atMs - b.atMs);
  return h("ul", { class: "sg-list", "data-testid": "review-suggestions" }, ...sorted.map((row) => card(row, null, show)));
}
