// Edits made outside the app (a colleague, a sync client, another editor):
// the list follows, and so does the open draft, reloaded when clean,
// merged when it has unsaved edits, kept under a new name when renamed.
import { commands, type DraftsChanged, type OpenedDraft } from "../bindings";
import { draftTitle } from "../format";
import { AppError, call } from "../ipc";
import { relint } from "../lint";
import type { AppContext } from "./context";
import { showDraft } from "./document";
import { mergeFromDisk } from "./merging";

/** Files changed outside the app: refresh the list, follow the open draft, check it with a changed config. */
export async function onDiskChange(ctx: AppContext, change: DraftsChanged): Promise<void> {
  // The shell has re-read a changed dateline.toml or team words file: check the text with it.
  if (change.config) relint(ctx.editor.view);
  // The open draft first: in a big folder the list takes longer.
  await followOpenDraft(ctx, change);
  await ctx.flows.relist();
}

async function followOpenDraft(ctx: AppContext, change: DraftsChanged): Promise<void> {
  const { session } = ctx;
  const draft = session.draft;
  if (!draft || session.status === "readonly" || !(change.rescan || change.relPaths.includes(draft.relPath))) return;
  const name = draftTitle(draft.relPath);
  try {
    if (!(await call(commands.checkDiskChange(draft.id)))) return followRename(ctx, draft); // our own save, or a rename
    if (session.status === "saved") {
      const fresh = await call(commands.openDraft(draft.id));
      showDraft(ctx, fresh, fresh.text);
      ctx.notices.show("info", `“${name}” changed on disk and was reloaded. The previous text is in the history.`, [], "external");
    } else {
      await mergeFromDisk(ctx, draft);
    }
  } catch (err) {
    reportDiskError(ctx, err, name);
  }
}

/** The open draft's file was renamed on disk (same bytes): keep it open under its new name. */
async function followRename(ctx: AppContext, draft: OpenedDraft): Promise<void> {
  const relPath = await call(commands.locateDraft(draft.id));
  const { session } = ctx;
  if (relPath === draft.relPath || session.draft?.id !== draft.id) return;
  session.draft = { ...session.draft, relPath };
  ctx.view.renderDraft();
  ctx.notices.show("info", `“${draft.relPath}” was renamed on disk to “${relPath}”. It stays open under its new name, with its history and comments.`, [], "external");
}

/** A failure while following the open draft on disk; a vanished file is a warning, not an error. */
function reportDiskError(ctx: AppContext, err: unknown, name: string): void {
  const error = AppError.from(err);
  if (error.kind === "notFound") {
    ctx.notices.show("warning", `“${name}” was deleted or renamed on disk. Your text is still in the editor; saving writes it again.`, [], "external");
  } else {
    ctx.report(error);
  }
}
