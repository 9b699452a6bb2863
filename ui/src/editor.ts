// The CodeMirror 6 editor: Markdown, soft-wrapped prose, undo history per
// draft, and Mod-S wired to the app's save.
import { EditorState, StateEffect, StateField, type Extension, type Text } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, keymap, drawSelection, highlightActiveLine, dropCursor } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { syntaxHighlighting, HighlightStyle, bracketMatching } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import type { SuggestionRow } from "./bindings";
import { setSuggestions, suggestionMarks } from "./suggested";

// Prose, not code: headings set larger, emphasis as emphasis, Markdown's
// punctuation muted so the words stand out.
export const proseHighlight = HighlightStyle.define([
  { tag: tags.heading1, fontSize: "1.5em", fontWeight: "700", lineHeight: "1.3" },
  { tag: tags.heading2, fontSize: "1.2em", fontWeight: "650" },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: "650" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.quote, fontStyle: "italic", color: "var(--muted)" },
  { tag: [tags.link, tags.url], color: "var(--accent)" },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], color: "var(--muted)" },
  { tag: tags.monospace, fontFamily: "var(--mono)", fontSize: "0.9em" },
  { tag: tags.comment, color: "var(--muted)" },
]);

export interface Span {
  from: number;
  to: number;
}

/** Marks text that came in from someone else's version (a merge) until the next save. */
const setIncoming = StateEffect.define<Span[]>();
const incomingMark = Decoration.mark({ class: "cm-incoming", attributes: { title: "Came in from the other version" } });
const incomingField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setIncoming)) next = Decoration.set(effect.value.filter((s) => s.to > s.from).map((s) => incomingMark.range(s.from, s.to)), true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The one change that turns `before` into `after`: common start and end kept, so the cursor and undo history stay meaningful. */
export function minimalChange(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

export interface EditorCallbacks {
  /** Called after every change of the document. */
  onChange(doc: Text): void;
  /** Mod-S inside the editor. */
  onSave(): void;
}

export interface EditorHandle {
  /** Shows a new draft, with a fresh undo history. */
  load(text: string, readOnly: boolean): void;
  doc(): Text;
  focus(): void;
  /** Replaces the text as one undoable edit and marks the `incoming` spans (positions in the new text). */
  replaceText(text: string, incoming: Span[]): void;
  /** Clears the incoming marks (after a save). */
  clearIncoming(): void;
  /** Shows reviewers' open suggestions at their anchors (positions in the current text). */
  showSuggestions(rows: SuggestionRow[]): void;
  readonly view: EditorView;
}

/** `extra` (live lint) is part of every draft's editor state. */
export function createEditor(parent: HTMLElement, callbacks: EditorCallbacks, extra: Extension[] = []): EditorHandle {
  const extensions = (readOnly: boolean): Extension[] => [
    ...extra,
    incomingField,
    suggestionMarks,
    history(),
    drawSelection(),
    dropCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    bracketMatching(),
    markdown(),
    syntaxHighlighting(proseHighlight),
    EditorView.lineWrapping,
    EditorState.readOnly.of(readOnly),
    // tabindex: WebKit reports a contenteditable as not tabbable, and the
    // editor's scroller must hold something the keyboard can reach.
    EditorView.contentAttributes.of({ "data-testid": "editor-content", spellcheck: "true", "aria-label": "Draft text", tabindex: "0" }),
    // No Tab-to-indent: Tab leaves the editor, as in any text field, so a
    // keyboard user is never trapped in it; Ctrl+] and Ctrl+[ indent.
    keymap.of([
      { key: "Mod-s", preventDefault: true, run: () => (callbacks.onSave(), true) },
      ...defaultKeymap,
      ...historyKeymap,
      ...searchKeymap,
    ]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) callbacks.onChange(update.state.doc);
    }),
  ];

  const view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions: extensions(true) }) });

  return {
    view,
    load(text, readOnly) {
      view.setState(EditorState.create({ doc: text, extensions: extensions(readOnly) }));
      view.scrollDOM.scrollTop = 0;
    },
    doc: () => view.state.doc,
    focus: () => view.focus(),
    replaceText(text, incoming) {
      view.dispatch({ changes: minimalChange(view.state.doc.toString(), text), effects: setIncoming.of(incoming) });
    },
    clearIncoming() {
      view.dispatch({ effects: setIncoming.of([]) });
    },
    showSuggestions(rows) {
      view.dispatch({ effects: setSuggestions.of(rows) });
    },
  };
}
