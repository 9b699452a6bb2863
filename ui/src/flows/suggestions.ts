// Reviewers' suggested edits in the author's editor: loaded against the
// text as it is now, accepted as one ordinary, undoable edit (the core
// re-finds the anchor and refuses text changed since), or rejected.
import { commands, type AcceptOutcome, type SuggestionRow } from "../bindings";
import { askFields, askText } from "../dialog";
import { askSuggestion } from "../suggest-dialog";
import { askReviewerIdentity } from "../identity";
import { AppError, call } from "../ipc";
import type { AppContext } from "./context";

/** Fetches the open draft's suggestions, placed in the editor's current text. */
export async function loadSuggestions(ctx: AppContext): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft || ctx.session.status === "readonly") return;
  const sent = ctx.editor.doc();
  try {
    const view = await call(commands.listSuggestions(draft.id, sent.toString()));
    // She typed meanwhile: the anchors are for text that is gone; ask again later.
    if (ctx.session.draft?.id !== draft.id || !ctx.editor.doc().eq(sent)) return;
    ctx.inspector.showSuggestions(view.suggestions);
    ctx.editor.showSuggestions(view.suggestions);
    // The drafts list counts undecided ones; when the logs changed under it, re-read it.
    const undecided = view.suggestions.filter((s) => s.status !== "accepted" && s.status !== "rejected").length;
    const listed = ctx.session.listing?.drafts.find((d) => d.id === draft.id);
    if (listed && listed.openSuggestions !== undecided) void ctx.flows.refresh(true);
    for (const problem of view.problems) ctx.notices.show("warning", problem, [], "suggestion-log");
  } catch (err) {
    ctx.report(err);
  }
}

/** Applies what an accept returned, as one undoable edit, and says what was refused. */
function applyAccept(ctx: AppContext, outcome: AcceptOutcome): void {
  if (outcome.edits.length > 0) {
    const changes = outcome.edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert }));
    ctx.editor.view.dispatch({ changes, scrollIntoView: true });
  }
  for (const refused of outcome.refused) ctx.notices.show("warning", `A suggestion was not applied: ${refused.reason}`, [], `refused-${refused.id}`);
}

/** Her answer goes to her own review log, so it needs her name: asked once, then the answer is tried again. */
async function asHerself<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    if (AppError.from(err).kind !== "needsReviewer") throw err;
    return (await askReviewerIdentity(null)) ? run() : null;
  }
}

async function accepting(ctx: AppContext, ask: (draftId: number, text: string) => Promise<AcceptOutcome>): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft || ctx.session.status === "readonly") return;
  try {
    const outcome = await asHerself(() => ask(draft.id, ctx.editor.doc().toString()));
    if (outcome) applyAccept(ctx, outcome);
  } catch (err) {
    ctx.report(err);
  }
  await loadSuggestions(ctx);
}

export function accept(ctx: AppContext, row: SuggestionRow): Promise<void> {
  return accepting(ctx, (id, text) => call(commands.acceptSuggestion(id, row.id, text)));
}

export function acceptAll(ctx: AppContext, reviewer: string): Promise<void> {
  return accepting(ctx, (id, text) => call(commands.acceptAllSuggestions(id, reviewer, text)));
}

/**
 * Keeps the text and records the rejection, with the reply she may type
 * for the reviewer; one suggestion, or every open one of a reviewer.
 */
export async function reject(ctx: AppContext, row: SuggestionRow | null, reviewer: string | null = null): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft || (!row && !reviewer)) return;
  const title = row ? "Reject this suggestion" : "Reject all of this reviewer's open suggestions";
  const reply = await askText(title, "Reply to the reviewer (optional)", "", "reject-dialog", "Reject", true);
  if (reply === null) return;
  try {
    if (row) await asHerself(() => call(commands.rejectSuggestion(draft.id, row.id, reply)));
    else await asHerself(() => call(commands.rejectAllSuggestions(draft.id, reviewer!, reply)));
  } catch (err) {
    ctx.report(err);
  }
  await loadSuggestions(ctx);
}

/**
 * Edit → Suggest Edit: a reader of a colleague's draft proposes new wording
 * for the selection (or an insertion at the cursor) without touching the
 * text. The core takes it only on the saved text, where the author sees it.
 */
export async function suggestHere(ctx: AppContext): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft) return;
  if (ctx.session.status === "edited" || ctx.session.status === "saving") {
    ctx.notices.show("info", "Save or undo your edits first: a suggestion is made on the draft as its author has it.", [], "suggest-unsaved");
    return;
  }
  const sent = ctx.editor.doc().toString();
  const { from, to } = ctx.editor.view.state.selection.main;
  const answer = await askSuggestion(sent.slice(from, to));
  if (answer === null || ctx.session.draft?.id !== draft.id) return;
  try {
    const made = await asHerself(() => call(commands.suggestInEditor(draft.id, sent, { from, to }, answer.after, answer.note)));
    if (made) ctx.notices.show("info", "Suggested. The author sees it in the draft's Suggestions tab.", [], "suggested");
  } catch (err) {
    ctx.report(err);
  }
  await loadSuggestions(ctx);
}

/** Puts the cursor on the suggestion's text in the editor. */
export function show(ctx: AppContext, row: SuggestionRow): void {
  if (!row.anchor) return;
  const view = ctx.editor.view;
  view.dispatch({ selection: { anchor: row.anchor.from, head: row.anchor.to }, scrollIntoView: true });
  view.focus();
}

/**
 * A draft with CriticMarkup in it (written in Obsidian, Zettlr, Ulysses):
 * offers, once a draft, to turn the marks into suggestions and comments.
 */
export function offerCriticImport(ctx: AppContext, marks: number): void {
  const draft = ctx.session.draft;
  if (!draft || marks === 0 || ctx.session.status === "readonly" || ctx.session.criticOffered === draft.id) return;
  ctx.session.criticOffered = draft.id;
  const what = `This draft holds ${marks} CriticMarkup mark${marks === 1 ? "" : "s"} ({++ ++}, {-- --}, {~~ ~> ~~}, {>> <<}): suggested edits and comments written as text.`;
  ctx.notices.show("info", `${what} Turn them into suggestions you can accept or reject?`, [{ label: "Turn into suggestions…", testid: "critic-import", run: () => void importCritic(ctx) }], "critic-markup");
}

/** Asks who made the marks, then replaces them by suggestions (one undoable edit of the text). */
export async function importCritic(ctx: AppContext): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft) return;
  const who = await askFields(
    "Whose marks are these?",
    [
      { label: "Name of the person who made them", suffix: "input" },
      { label: "Email (optional)", suffix: "email", optional: true },
    ],
    "critic-dialog",
    "Turn into suggestions",
  );
  if (!who || ctx.session.draft?.id !== draft.id) return;
  try {
    const sent = ctx.editor.doc().toString();
    const imported = await call(commands.importCriticMarkup(draft.id, sent, who[0], who[1].trim()));
    // The suggestions are anchored by quote and context, so they hold even if
    // she typed meanwhile; only the marks' removal must not undo her typing.
    const doc = ctx.editor.view.state.doc;
    if (doc.toString() === sent) ctx.editor.view.dispatch({ changes: { from: 0, to: doc.length, insert: imported.text } });
    else ctx.notices.show("warning", "You typed while the marks were read, so they are still in the text: delete them by hand.", [], "critic-problem");
    const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
    ctx.notices.show("success", `${count(imported.suggestions, "suggested edit")} and ${count(imported.comments, "comment")} by ${who[0]}. The marks are out of the text; save to keep it so.`, [], "critic-markup");
    for (const problem of imported.problems) ctx.notices.show("warning", problem, [], "critic-problem");
  } catch (err) {
    ctx.report(err);
  }
  await loadSuggestions(ctx);
}
