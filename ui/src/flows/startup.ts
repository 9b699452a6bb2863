// Start-up and a second launch: the rules, the last folder and draft, the
// start-up notices, and a draft or folder handed over by a later launch.
import { commands } from "../bindings";
import { call } from "../ipc";
import type { AppContext } from "./context";
import { showFolder } from "./folders";

export async function start(ctx: AppContext): Promise<void> {
  const { session } = ctx;
  try {
    session.rules = new Map((await call(commands.listRules())).map((rule) => [rule.id, rule]));
    const startup = await call(commands.startUp());
    session.recent = startup.recentFolders;
    session.listing = startup.listing;
    for (const notice of startup.notices) ctx.notices.show("warning", notice);
    ctx.view.render();
    if (startup.lastDraft !== null) await ctx.flows.openDraft(startup.lastDraft);
  } catch (err) {
    ctx.report(err);
  }
}

/** Opens the draft or folder a later launch asked for (single instance). */
export async function openRequested(ctx: AppContext): Promise<void> {
  try {
    // Ask about unsaved edits only when something is waiting: at start-up
    // the editor may hold text just restored from the crash journal.
    if (!(await call(commands.hasOpenRequest()))) return;
    if (!(await ctx.flows.confirmLeave())) return;
    const opened = await call(commands.takeOpenRequest());
    if (!opened) return;
    await showFolder(ctx, opened.listing);
    if (opened.draft !== null) await ctx.flows.openDraft(opened.draft);
  } catch (err) {
    ctx.report(err);
  }
}
