// What sits beside or in place of the editor: the preview, review mode,
// the export dialog; and the window's zoom.
import { commands, type ZoomStep } from "../bindings";
import { askExport, exportedMessage, runExport } from "../export";
import { call } from "../ipc";
import type { AppContext } from "./context";
import { isDirty } from "../session";

export function togglePreview(ctx: AppContext): void {
  if (!ctx.session.draft) return;
  const visible = !ctx.preview.visible;
  ctx.preview.show(visible, ctx.editor.doc().toString());
  ctx.view.showPreviewPressed(visible);
}

/** Review mode replaces the editor until closed; it compares saved versions. */
export async function toggleReview(ctx: AppContext): Promise<void> {
  const { session } = ctx;
  const draft = session.draft;
  if (!draft) return;
  if (ctx.review.visible) {
    ctx.review.close();
    return;
  }
  if (isDirty(session)) ctx.notices.show("info", "Review compares saved versions: save to include your latest edits.");
  try {
    const versions = await call(commands.listVersions(draft.id));
    ctx.view.showReviewMode(true);
    const others = (session.listing?.drafts ?? []).filter((d) => d.id !== draft.id);
    await ctx.review.open(draft.id, versions, others);
  } catch (err) {
    ctx.report(err);
  }
}

/** Exports what is in the editor, saved or not. */
export async function exportDraft(ctx: AppContext): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft) return;
  const text = ctx.editor.doc().toString();
  const choice = await askExport(text);
  if (!choice) return;
  try {
    const outcome = await runExport(draft.id, text, choice);
    if (!outcome) return;
    ctx.notices.show("success", exportedMessage(outcome), [], "exported");
    for (const warning of outcome.pages?.warnings ?? []) ctx.notices.show("warning", warning);
    void ctx.flows.refresh(true);
  } catch (err) {
    ctx.report(err);
  }
}

/** Zooms the whole window a step (the web view's page zoom, remembered). */
export async function zoom(ctx: AppContext, step: ZoomStep): Promise<void> {
  try {
    await call(commands.zoomWindow(step));
  } catch (err) {
    ctx.report(err);
  }
}
