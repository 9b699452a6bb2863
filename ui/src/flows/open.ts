// Opening a draft, making a new one, renaming the open one, and bringing
// back one deleted outside the app.
import { commands, type DeletedDraft } from "../bindings";
import { askText } from "../dialog";
import { draftTitle } from "../format";
import { call } from "../ipc";
import type { AppContext } from "./context";
import { restoreRecovered, showDraft } from "./document";

export async function openDraft(ctx: AppContext, draftId: number): Promise<void> {
  if (ctx.session.draft?.id === draftId) return;
  if (!(await ctx.flows.confirmLeave())) return;
  try {
    const draft = await call(commands.openDraft(draftId));
    showDraft(ctx, draft, draft.text);
    if (draft.recovered) restoreRecovered(ctx, draft.recovered.text, draft.recovered.updatedMs, draft.recovered.diskChanged);
    ctx.editor.focus();
  } catch (err) {
    ctx.report(err);
  }
}

export async function newDraft(ctx: AppContext): Promise<void> {
  const { session } = ctx;
  if (!session.listing) {
    ctx.notices.show("info", "Open a drafts folder first; new drafts are created in it.");
    return;
  }
  if (!(await ctx.flows.confirmLeave())) return;
  const name = await askText("New draft", "Name", "Untitled press release", "new-draft-dialog");
  if (name === null) return;
  try {
    const created = await call(commands.createDraft(name));
    await ctx.flows.refresh(true);
    session.draft = null;
    session.status = "none";
    await openDraft(ctx, created.id);
  } catch (err) {
    ctx.report(err);
  }
}

/** Renames the open draft's file (F2), in its folder; it stays open, with its history and comments. */
export async function renameDraft(ctx: AppContext): Promise<void> {
  const { session } = ctx;
  const draft = session.draft;
  if (!draft) {
    ctx.notices.show("info", "Open a draft first; Rename works on the open draft.");
    return;
  }
  const name = await askText("Rename draft", "File name", draftTitle(draft.relPath), "rename-dialog", "Rename");
  if (name === null || session.draft?.id !== draft.id) return;
  try {
    const relPath = await call(commands.renameDraft(draft.id, name));
    if (session.draft?.id === draft.id) session.draft = { ...session.draft, relPath };
    ctx.view.renderDraft();
    await ctx.flows.relist();
  } catch (err) {
    ctx.report(err);
  }
}

/** A draft deleted outside the app, brought back with its history. */
export async function restoreDeleted(ctx: AppContext, deleted: DeletedDraft): Promise<void> {
  try {
    const restored = await call(commands.restoreDeleted(deleted.id));
    await ctx.flows.relist();
    ctx.notices.show("success", `“${restored.relPath}” is back, with its history.`);
    await openDraft(ctx, restored.id);
  } catch (err) {
    ctx.report(err);
  }
}
