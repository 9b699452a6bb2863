// Opening a draft, making a new one, renaming the open one, and bringing
// back one deleted outside the app.
import { commands, type DeletedDraft, type ImportedWord } from "../bindings";
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

/** File → Import Word Document…: the picked .docx becomes a new draft, opened; the Word file is left as it was. */
export async function importWord(ctx: AppContext): Promise<void> {
  if (!ctx.session.listing) {
    ctx.notices.show("info", "Open a drafts folder first; an imported document becomes a draft in it.");
    return;
  }
  if (!(await ctx.flows.confirmLeave())) return;
  try {
    const imported = await call(commands.importWord());
    if (!imported) return;
    await ctx.flows.refresh(true);
    await openDraft(ctx, imported.draft.id);
    ctx.notices.show("success", importedMessage(imported), [], "imported");
  } catch (err) {
    ctx.report(err);
  }
}

function importedMessage(imported: ImportedWord): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const came = [
    imported.comments > 0 && plural(imported.comments, "comment"),
    imported.suggestions > 0 && plural(imported.suggestions, "suggested edit"),
  ].filter(Boolean);
  const review = came.length > 0 ? ` Its ${came.join(" and ")} came with it, by their Word authors: see them beside the text.` : "";
  const notes = imported.notes.length > 0 ? ` ${imported.notes.join(" ")}` : "";
  return `Imported as “${imported.draft.relPath}”. The Word file is unchanged.${review}${notes}`;
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
