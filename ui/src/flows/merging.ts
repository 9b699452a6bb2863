// Conflict and merge, written once for both sources: the version on disk
// (someone saved while she had unsaved edits) and a sync client's conflict
// copy. Separate changes merge at once and are highlighted; lines both
// sides changed wait for her choice in the merge dialog.
import { Text } from "@codemirror/state";
import { commands, type ConflictCopy, type DraftSummary, type MergeView, type OpenedDraft } from "../bindings";
import { draftTitle } from "../format";
import { call } from "../ipc";
import { askMerge, resolveMerge } from "../merge";
import type { AppContext } from "./context";
import { loadVersions, onEdit } from "./document";

/** Where the other side of a merge comes from. */
type MergeSource = { kind: "disk" } | { kind: "copy"; copy: ConflictCopy };

/** How one merge attempt ended. */
type MergeOutcome = "merged" | "conflicts" | "cancelled" | "stale";

/**
 * Merges `source` into the editor's text. With `choose`, conflicting lines
 * are put to her in the merge dialog; without, a merge with conflicts is
 * left undone ("conflicts"). "stale": she typed while it was made, so
 * nothing was applied.
 */
async function mergeOnce(ctx: AppContext, draft: OpenedDraft, source: MergeSource, choose: boolean): Promise<MergeOutcome> {
  const sent = ctx.editor.doc();
  const merge =
    source.kind === "disk"
      ? await call(commands.mergeFromDisk(draft.id, sent.toString()))
      : await call(commands.mergeConflictCopy(draft.id, source.copy.id, sent.toString()));
  if (ctx.session.draft?.id !== draft.id) return "cancelled";
  if (merge.conflicts > 0 && !choose) return ctx.editor.doc().eq(sent) ? "conflicts" : "stale";
  const choices = merge.conflicts > 0 ? await askMerge(merge, draftTitle(draft.relPath)) : [];
  if (choices === null || ctx.session.draft?.id !== draft.id) return "cancelled";
  if (!ctx.editor.doc().eq(sent)) return "stale";
  const merged = resolveMerge(merge.chunks, choices);
  await adopt(ctx, draft, merge);
  ctx.editor.replaceText(merged.text, merged.incoming);
  onEdit(ctx, ctx.editor.doc());
  ctx.view.renderStatus();
  void loadVersions(ctx);
  return "merged";
}

/** A merge with the disk bases the next save on that disk version, so it is not refused as a conflict. */
async function adopt(ctx: AppContext, draft: OpenedDraft, merge: MergeView): Promise<void> {
  if (merge.diskToken === null) return;
  await call(commands.adoptDisk(draft.id, merge.diskToken));
  ctx.session.savedDoc = Text.of(merge.theirsText.split("\n"));
}

/** Someone changed the open draft on disk while it had unsaved edits: merge theirs in, or ask. */
export async function mergeFromDisk(ctx: AppContext, draft: OpenedDraft): Promise<void> {
  let outcome = await mergeOnce(ctx, draft, { kind: "disk" }, false);
  // She typed while the merge was made: merge again from what is there now.
  while (outcome === "stale") outcome = await mergeOnce(ctx, draft, { kind: "disk" }, false);
  const name = draftTitle(draft.relPath);
  if (outcome === "merged") {
    ctx.notices.show("info", `“${name}” was changed on disk by someone else while you were editing. Their changes are merged into your text and highlighted; save when ready.`, [], "external");
  } else if (outcome === "conflicts") {
    ctx.notices.show(
      "warning",
      `“${name}” was changed on disk by someone else, and you both changed the same lines. Nothing is lost: both versions are in the history.`,
      [chooseAgain(ctx, draft)],
      "external",
    );
  }
}

/** The merge dialog against the disk, made from the text as it is now (she may have typed since the warning). */
export async function chooseMerge(ctx: AppContext, draft: OpenedDraft): Promise<void> {
  try {
    const outcome = await mergeOnce(ctx, draft, { kind: "disk" }, true);
    if (outcome === "stale") ctx.notices.show("warning", STALE, [chooseAgain(ctx, draft)], "external");
    if (outcome === "merged") ctx.notices.show("success", "Merged. What came from the other version is highlighted; save when ready.", [], "external");
  } catch (err) {
    ctx.report(err);
  }
}

/** A sync client's conflict copy of a draft: open the draft, merge the copy in. */
export async function mergeCopy(ctx: AppContext, draft: DraftSummary, copy: ConflictCopy): Promise<void> {
  if (ctx.session.draft?.id !== draft.id) await ctx.flows.openDraft(draft.id);
  const open = ctx.session.draft;
  if (open?.id !== draft.id) return;
  try {
    const outcome = await mergeOnce(ctx, open, { kind: "copy", copy }, true);
    if (outcome === "stale") {
      ctx.notices.show("warning", STALE, [{ label: "Merge again…", testid: "merge-copy-again", run: () => void mergeCopy(ctx, draft, copy) }], "conflict-copy");
    } else if (outcome === "merged") {
      ctx.notices.show(
        "success",
        `“${copy.relPath}” is merged into your text (highlighted). Save, then remove the copy; its text stays in this draft's history.`,
        [{ label: "Remove the copy", testid: "dismiss-copy", run: () => void dismissCopy(ctx, draft, copy) }],
        "conflict-copy",
      );
    }
  } catch (err) {
    ctx.report(err);
  }
}

const STALE = "Your text changed while the merge was made; nothing was merged. Choose again.";

function chooseAgain(ctx: AppContext, draft: OpenedDraft) {
  return { label: "Compare and choose…", testid: "resolve-merge", run: () => void chooseMerge(ctx, draft) };
}

async function dismissCopy(ctx: AppContext, draft: DraftSummary, copy: ConflictCopy): Promise<void> {
  try {
    await call(commands.dismissConflictCopy(draft.id, copy.id));
    await ctx.flows.relist();
    void loadVersions(ctx);
  } catch (err) {
    ctx.report(err);
  }
}
