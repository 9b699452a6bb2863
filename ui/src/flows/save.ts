// Saving the open draft, and what happens when a save fails: a conflict
// with the disk offers a merge or a copy, nothing is ever overwritten.
import { commands, type OpenedDraft } from "../bindings";
import { ask } from "../dialog";
import { draftTitle } from "../format";
import { AppError, call } from "../ipc";
import type { AppContext } from "./context";
import { isDirty } from "../session";
import { loadVersions, onEdit } from "./document";
import { markFolderMissing } from "./folders";

/** Saves the open draft; true when the text on disk is now the editor's. */
export async function save(ctx: AppContext): Promise<boolean> {
  const { session, editor, notices, view } = ctx;
  const draft = session.draft;
  if (!draft || session.status === "readonly") return false;
  if (session.status === "saved") return true;
  const doc = editor.doc();
  session.status = "saving";
  view.renderStatus();
  try {
    const saved = await call(commands.saveDraft(draft.id, doc.toString()));
    session.savedDoc = doc;
    notices.dismiss("save-error");
    notices.dismiss("journal"); // nothing is unsaved now
    if (saved.warning) notices.show("warning", saved.warning, [], "save-warning");
    else notices.dismiss("save-warning");
    onEdit(ctx, editor.doc());
    session.status = editor.doc().eq(doc) ? "saved" : "edited";
    notices.dismiss("recovered");
    editor.clearIncoming();
    view.renderStatus();
    void ctx.flows.relist();
    void loadVersions(ctx);
    void ctx.flows.loadSuggestions();
    return true;
  } catch (err) {
    session.status = "edited";
    view.renderStatus();
    reportSaveError(ctx, AppError.from(err), draft);
    return false;
  }
}

/**
 * A failed write of the draft: a conflict offers a merge or a copy, a file
 * marked read-only (or a link out of the folder) a copy.
 */
export function reportSaveError(ctx: AppContext, error: AppError, draft: OpenedDraft): void {
  if (error.kind === "folderMissing") {
    markFolderMissing(ctx, error.message);
    return;
  }
  const copy = { label: "Save my version as a copy", testid: "save-copy", run: () => void ctx.flows.saveCopy(draft) };
  const merge = { label: "Merge with the version on disk", testid: "merge-disk", run: () => void ctx.flows.chooseMerge(draft) };
  const actions = error.kind === "conflict" ? [merge, copy] : error.kind === "readOnly" ? [copy] : [];
  ctx.notices.show("error", error.message, actions, "save-error");
}

/** Saves the editor's text beside the draft under a new name and opens that copy. */
export async function saveCopy(ctx: AppContext, draft: OpenedDraft): Promise<void> {
  const { session } = ctx;
  try {
    const copy = await call(commands.saveDraftCopy(draft.id, ctx.editor.doc().toString()));
    session.status = "saved";
    await ctx.flows.refresh(true);
    ctx.notices.show("success", `Your version was saved as “${copy.relPath}”. The original is unchanged.`);
    session.draft = null;
    await ctx.flows.openDraft(copy.id);
  } catch (err) {
    ctx.report(err);
  }
}

/** Asks what to do with unsaved edits; true when it is fine to move on. */
export async function confirmLeave(ctx: AppContext): Promise<boolean> {
  const { draft } = ctx.session;
  if (!isDirty(ctx.session) || !draft) return true;
  const choice = await ask({
    title: "Save your changes?",
    body: [`“${draftTitle(draft.relPath)}” has changes that are not saved yet.`],
    choices: [
      { value: "cancel", label: "Cancel", testid: "unsaved-cancel" },
      { value: "discard", label: "Don't save", testid: "unsaved-discard" },
      { value: "save", label: "Save", testid: "unsaved-save", primary: true },
    ],
    cancel: "cancel",
    testid: "unsaved-dialog",
  });
  if (choice === "save") return save(ctx);
  if (choice === "discard") await call(commands.discardChanges(draft.id)).catch(() => undefined);
  return choice === "discard";
}
