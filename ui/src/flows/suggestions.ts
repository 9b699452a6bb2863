// Reviewers' suggested edits in the author's editor: loaded against the
// text as it is now, accepted as one ordinary, undoable edit (the core
// re-finds the anchor and refuses text changed since), or rejected.
import { commands, type AcceptOutcome, type SuggestionRow } from "../bindings";
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

export async function reject(ctx: AppContext, row: SuggestionRow | null, reviewer: string | null = null): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft) return;
  try {
    if (row) await asHerself(() => call(commands.rejectSuggestion(draft.id, row.id, "")));
    else if (reviewer) await asHerself(() => call(commands.rejectAllSuggestions(draft.id, reviewer, "")));
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
