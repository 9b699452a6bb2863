// The open draft's history: reading an old version and restoring it.
import { commands, type VersionView } from "../bindings";
import { ask } from "../dialog";
import { h } from "../dom";
import { AppError, call } from "../ipc";
import type { AppContext } from "./context";
import { showDraft } from "./document";
import { reportSaveError } from "./save";

export async function viewVersion(ctx: AppContext, version: VersionView): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft) return;
  try {
    const text = await call(commands.readVersion(draft.id, version.id));
    const choice = await ask({
      title: `Version from ${new Date(version.createdMs).toLocaleString()}`,
      body: [h("pre", { class: "version-text", "data-testid": "version-text" }, text)],
      choices: [
        { value: "close", label: "Close", testid: "version-close" },
        { value: "restore", label: "Restore this version", testid: "version-dialog-restore", primary: true },
      ],
      cancel: "close",
      testid: "version-dialog",
    });
    if (choice === "restore") await restoreVersion(ctx, version);
  } catch (err) {
    ctx.report(err);
  }
}

/** Writes an old version back to the file; it becomes the newest version. */
export async function restoreVersion(ctx: AppContext, version: VersionView): Promise<void> {
  const draft = ctx.session.draft;
  if (!draft || !(await ctx.flows.confirmLeave())) return;
  try {
    const saved = await call(commands.restoreVersion(draft.id, version.id));
    const text = await call(commands.readVersion(draft.id, version.id));
    showDraft(ctx, draft, text);
    if (saved.warning) ctx.notices.show("warning", saved.warning, [], "save-warning");
    else ctx.notices.show("success", `Restored the version from ${new Date(version.createdMs).toLocaleString()}. The version before it is still in the history.`);
  } catch (err) {
    reportSaveError(ctx, AppError.from(err), draft);
  }
}
