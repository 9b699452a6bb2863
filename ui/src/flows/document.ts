// The open draft in the editor: putting a draft's text in, taking it out,
// and what each edit does (status, crash journal, word count, preview).
// Every other flow builds on these; this module imports no other flow.
import type { Text } from "@codemirror/state";
import { commands, type OpenedDraft } from "../bindings";
import { AppError, call } from "../ipc";
import type { AppContext } from "./context";
import type { SaveStatus } from "../session";

/** Unsaved text reaches the crash journal at most this long after a keystroke. */
const JOURNAL_DELAY_MS = 250;
/** The word count follows typing once it pauses this long. */
const WORD_COUNT_DELAY_MS = 300;

const NOTICES_OF_A_DRAFT = ["read-only", "recovered", "save-error"];

/** Puts `savedText` in the editor as the draft's text on disk. */
export function showDraft(ctx: AppContext, draft: OpenedDraft, savedText: string): void {
  const { session, editor, notices } = ctx;
  if (ctx.review.visible) ctx.review.close();
  session.draft = draft;
  editor.load(savedText, draft.readOnly !== null);
  session.savedDoc = editor.doc();
  session.status = draft.readOnly !== null ? "readonly" : "saved";
  for (const key of NOTICES_OF_A_DRAFT) notices.dismiss(key);
  if (draft.readOnly !== null) notices.show("warning", draft.readOnly, [], "read-only");
  ctx.inspector.clear();
  ctx.preview.update(savedText);
  ctx.view.renderDraft();
  void loadVersions(ctx);
  void ctx.flows.loadSuggestions();
}

export function closeDraft(ctx: AppContext): void {
  const { session } = ctx;
  if (ctx.review.visible) ctx.review.close();
  session.draft = null;
  session.savedDoc = null;
  session.status = "none";
  ctx.notices.dismiss("read-only");
  ctx.editor.load("", true);
}

/** Shows crash-journal text as unsaved edits on top of the file's text. */
export function restoreRecovered(ctx: AppContext, text: string, updatedMs: number, diskChanged: boolean): void {
  const view = ctx.editor.view;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  const when = new Date(updatedMs).toLocaleTimeString();
  const message = diskChanged
    ? `Unsaved text from ${when} was restored after Dateline closed unexpectedly. The file also changed on disk since, so save your version as a copy and compare.`
    : `Unsaved text from ${when} was restored after Dateline closed unexpectedly. Save to keep it.`;
  ctx.notices.show("warning", message, [], "recovered");
}

/** Refreshes the History tab for the open draft. */
export async function loadVersions(ctx: AppContext): Promise<void> {
  const id = ctx.session.draft?.id;
  if (id === undefined || ctx.session.status === "readonly") return;
  try {
    const versions = await call(commands.listVersions(id));
    if (ctx.session.draft?.id === id) ctx.inspector.showVersions(versions);
  } catch (err) {
    ctx.report(err);
  }
}

/** After every change of the editor's text. */
export function onEdit(ctx: AppContext, doc: Text): void {
  const { session } = ctx;
  if (!session.draft || session.status === "readonly") return;
  ctx.preview.update(doc.toString());
  scheduleJournal(ctx);
  const next: SaveStatus = session.savedDoc && doc.eq(session.savedDoc) ? "saved" : "edited";
  if (next !== session.status) {
    session.status = next;
    ctx.view.renderStatus();
  } else {
    scheduleWordCount(ctx);
  }
}

const wordTimers = new WeakMap<AppContext, ReturnType<typeof setTimeout>>();
const journalTimers = new WeakMap<AppContext, ReturnType<typeof setTimeout>>();

/** Recounts words when typing pauses, not on every keystroke. */
function scheduleWordCount(ctx: AppContext): void {
  if (wordTimers.has(ctx)) return;
  wordTimers.set(
    ctx,
    setTimeout(() => {
      wordTimers.delete(ctx);
      ctx.view.renderWordCount();
    }, WORD_COUNT_DELAY_MS),
  );
}

/** Why unsaved text is not kept against a crash; the store's own messages say so already. */
function journalFailure(error: AppError): string {
  const said = error.kind === "storage" || error.kind === "diskFull";
  return said ? error.message : `Unsaved text could not be kept against a crash: ${error.message}`;
}

/** Writes the unsaved text to the crash journal shortly after typing. */
function scheduleJournal(ctx: AppContext): void {
  if (journalTimers.has(ctx)) return;
  const draftId = ctx.session.draft?.id;
  journalTimers.set(
    ctx,
    setTimeout(() => {
      journalTimers.delete(ctx);
      const { session } = ctx;
      if (draftId === undefined || session.draft?.id !== draftId || session.status !== "edited") return;
      void call(commands.journalDraft(draftId, ctx.editor.doc().toString()))
        .then(() => ctx.notices.dismiss("journal"))
        .catch((err) => ctx.notices.show("warning", journalFailure(AppError.from(err)), [], "journal"));
    }, JOURNAL_DELAY_MS),
  );
}
