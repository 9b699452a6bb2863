// Choosing, opening and following a drafts folder: the recent list, the
// drafts list as indexed, and a folder that vanished.
import { commands, type FolderListing, type ListQuery } from "../bindings";
import { AppError, call } from "../ipc";
import type { AppContext } from "./context";
import { closeDraft } from "./document";

export async function chooseFolder(ctx: AppContext): Promise<void> {
  if (!(await ctx.flows.confirmLeave())) return;
  try {
    const listing = await call(commands.chooseFolder());
    if (listing) await showFolder(ctx, listing);
  } catch (err) {
    ctx.report(err);
  }
}

export async function openRecent(ctx: AppContext, folderId: number): Promise<void> {
  if (!(await ctx.flows.confirmLeave())) return;
  try {
    await showFolder(ctx, await call(commands.openRecentFolder(folderId)));
  } catch (err) {
    ctx.report(err);
    await reloadRecent(ctx);
  }
}

export async function forgetFolder(ctx: AppContext, folderId: number): Promise<void> {
  try {
    ctx.session.recent = await call(commands.forgetFolder(folderId));
    ctx.view.render();
  } catch (err) {
    ctx.report(err);
  }
}

/** Shows another folder (chosen, recent or handed over by a second launch); the open draft closes. */
export async function showFolder(ctx: AppContext, listing: FolderListing): Promise<void> {
  ctx.session.listing = listing;
  closeDraft(ctx);
  await reloadRecent(ctx);
  ctx.view.render();
}

async function reloadRecent(ctx: AppContext): Promise<void> {
  try {
    ctx.session.recent = await call(commands.listRecentFolders());
  } catch (err) {
    ctx.report(err);
  }
  ctx.view.renderFolders();
}

/** Walks the folder again; `quiet` keeps failures other than a vanished folder to itself. */
export async function refresh(ctx: AppContext, quiet = false): Promise<void> {
  if (!ctx.session.listing) return;
  try {
    ctx.session.listing = await call(commands.refreshFolder());
    ctx.notices.dismiss("folder-missing");
    ctx.view.renderListing();
    ctx.view.renderDraft();
  } catch (err) {
    const error = AppError.from(err);
    if (error.kind === "folderMissing") markFolderMissing(ctx, error.message);
    else if (!quiet) ctx.report(error);
  }
}

/**
 * The list as indexed (the watcher keeps it current), without a walk: in a
 * new order, filter or length, or (no query) as last asked.
 */
export async function relist(ctx: AppContext, query: ListQuery | null = null): Promise<void> {
  if (!ctx.session.listing) return;
  try {
    ctx.session.listing = await call(commands.listDrafts(query));
    ctx.view.renderListing();
    ctx.view.renderDraft();
  } catch (err) {
    ctx.report(err);
  }
}

export function markFolderMissing(ctx: AppContext, message: string): void {
  const { listing } = ctx.session;
  if (listing) ctx.session.listing = { ...listing, folder: { ...listing.folder, exists: false } };
  ctx.notices.show("warning", message, [], "folder-missing");
  ctx.view.renderListing();
}
