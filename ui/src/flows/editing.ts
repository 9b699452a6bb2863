// Edits the app makes in the editor on her behalf: a lint fix, a part
// marker, a jump to a finding (each an ordinary, undoable edit), and a
// word taught to the team dictionary.
import { EditorSelection } from "@codemirror/state";
import { isolateHistory } from "@codemirror/commands";
import { commands, type DiagnosticView } from "../bindings";
import { call } from "../ipc";
import { relint, type PositionMap } from "../lint";
import { assignPart, blockStart, type TextChange } from "../markers";
import type { AppContext } from "./context";

export function jump(ctx: AppContext, from: number, to = from): void {
  const view = ctx.editor.view;
  view.dispatch({ selection: EditorSelection.range(from, to), scrollIntoView: true });
  view.focus();
}

export function applyFix(ctx: AppContext, d: DiagnosticView, map: PositionMap): void {
  if (!d.fix || ctx.session.status === "readonly") return;
  ctx.editor.view.dispatch({ changes: { from: map(d.fix.from, 1), to: map(d.fix.to, -1), insert: d.fix.replacement } });
}

/**
 * Writes a part-marker change as one undo step of its own, then puts the
 * cursor on the block in the editor, where Ctrl+Z takes it back.
 */
export function editMarkers(ctx: AppContext, pos: number, edit: (text: string, pos: number) => TextChange[]): void {
  if (!ctx.session.draft || ctx.session.status === "readonly") return;
  const view = ctx.editor.view;
  const changes = view.state.changes(edit(view.state.doc.toString(), pos));
  const block = changes.mapPos(view.state.doc.lineAt(pos).from, 1);
  view.dispatch({ changes, selection: { anchor: block }, scrollIntoView: true, annotations: isolateHistory.of("full") });
  view.focus();
}

export function assignAtCursor(ctx: AppContext, part: string): void {
  const view = ctx.editor.view;
  const at = blockStart(view.state.doc.toString(), view.state.selection.main.head);
  if (at === null) return void ctx.notices.show("info", "Put the cursor in the paragraph to mark, then choose its part again.", [], "mark-cursor");
  editMarkers(ctx, at, (text, pos) => assignPart(text, pos, part));
}

/** "Add to team dictionary": the word goes into the folder's shared words file, and the draft is checked again with it. */
export async function addTeamWord(ctx: AppContext, word: string): Promise<void> {
  try {
    const added = await call(commands.addTeamWord(word));
    relint(ctx.editor.view);
    const where = "dateline-words.txt, shared with everyone who opens this folder";
    ctx.notices.show("success", added ? `“${word}” is in the team dictionary (${where}).` : `“${word}” was already in the team dictionary.`, [], "team-word");
  } catch (err) {
    ctx.report(err);
  }
}
